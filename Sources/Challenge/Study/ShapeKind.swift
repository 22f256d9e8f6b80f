/// A kind of shape a reader may draw, in level-0 pixels of the item's slide.
public enum ShapeKind: String, Sendable, Codable, CaseIterable {
    /// A single position, such as a mitosis or a lesion's centre.
    case point
    /// A closed outline, rasterised to a mask for Dice and STAPLE.
    case polygon
    /// An axis-aligned rectangle.
    case box
}
