/// A kind of shape a reader may draw.
public enum ShapeKind: String, Sendable, Codable, CaseIterable {
    case point
    case polygon
    case box
}
