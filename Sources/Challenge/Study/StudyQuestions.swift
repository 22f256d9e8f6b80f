/// What each reader answers for each item: a class, shapes, or both, and perhaps a comment.
public struct StudyQuestions: Sendable, Equatable, Codable {
    /// One class per item, from these classes; nil when the study asks for none.
    public let label: StudyClasses?
    /// Shapes drawn on the item; nil when the study asks for none.
    public let shapes: ShapeQuestion?
    public let comment: StudyComment

    public init(label: StudyClasses?, shapes: ShapeQuestion?, comment: StudyComment = .notAsked) {
        self.label = label
        self.shapes = shapes
        self.comment = comment
    }
}
