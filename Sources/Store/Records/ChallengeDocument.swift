import Foundation

/// A Markdown page of a challenge kept with it in the store (the participants' README, its rules and data-use terms), versioned by the SHA-256 of its text.
public struct ChallengeDocument: Sendable, Equatable {
    /// Which page, and the file it comes from in `Challenges/<slug>/`.
    public enum Name: String, Sendable, CaseIterable {
        case readme
        /// The challenge rules a participant accepts before taking part.
        case rules
        /// The data-use agreement a participant accepts before reaching the data.
        case dataUse = "data-use"

        public var fileName: String {
            switch self {
            case .readme: "README.md"
            case .rules: "RULES.md"
            case .dataUse: "DATA-USE.md"
            }
        }
    }

    public let name: Name
    public let markdown: String
    public let sha256: String
    public let updatedAt: Date

    public init(name: Name, markdown: String, sha256: String, updatedAt: Date) {
        self.name = name
        self.markdown = markdown
        self.sha256 = sha256
        self.updatedAt = updatedAt
    }
}
