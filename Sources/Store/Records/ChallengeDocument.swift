import Foundation

/// A Markdown page of a challenge kept with it in the store (the participants' README, later its rules and data-use
/// terms), versioned by the SHA-256 of its text.
public struct ChallengeDocument: Sendable, Equatable {
    /// Which page: the file it comes from in `Challenges/<slug>/` is `<name>.md`, upper-cased for the README.
    public enum Name: String, Sendable, CaseIterable {
        case readme
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
