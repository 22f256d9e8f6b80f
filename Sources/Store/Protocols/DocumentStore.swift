import Foundation

/// The Markdown pages kept with a challenge (see `ChallengeDocument`).
public protocol DocumentStore: Sendable {
    /// Stores a page's text; false when it is unchanged. A change is audited with the new version's digest.
    @discardableResult
    func setDocument(_ name: ChallengeDocument.Name, markdown: String, challenge slug: String, now: Date) throws -> Bool
    func document(_ name: ChallengeDocument.Name, challenge slug: String) throws -> ChallengeDocument?
}
