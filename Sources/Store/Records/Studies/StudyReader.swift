/// A reader of a study: a name unique within the study, bound to one annotator token.
public struct StudyReader: Sendable, Equatable {
    /// What the reader does in this study.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Reads the items assigned to it.
        case reader
        /// Resolves disputed items in the adjudication queue.
        case adjudicator
    }

    public let name: String
    public let role: Role
    /// The annotator token (`TokenRecord.id`, `TokenIdentity.tokenID`) that acts as this reader.
    public let tokenID: Int64

    public init(name: String, role: Role, tokenID: Int64) {
        self.name = name
        self.role = role
        self.tokenID = tokenID
    }
}
