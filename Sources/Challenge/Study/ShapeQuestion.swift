/// Shapes a reader draws on an item, each with a class.
public struct ShapeQuestion: Sendable, Equatable, Codable {
    /// The kinds of shape the viewer offers, in the order given.
    public let kinds: [ShapeKind]
    public let classes: StudyClasses

    public init(kinds: [ShapeKind], classes: StudyClasses) {
        self.kinds = kinds
        self.classes = classes
    }
}
