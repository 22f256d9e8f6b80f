/// Whether a reader may leave a free-text comment with a read (`comment: optional | none`).
public enum StudyComment: String, Sendable, Codable, CaseIterable {
    /// A reader may add a comment.
    case optional
    /// No comment box (the default).
    case notAsked = "none"
}
