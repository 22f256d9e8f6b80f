import Foundation

/// A reader study of a challenge as the store keeps it: its spec's text and digest as the caller gave them.
public struct StoredStudy: Sendable, Equatable {
    public let id: Int64
    public let challengeID: Int64
    /// The challenge's slug.
    public let challenge: String
    public let slug: String
    public let specText: String
    public let specSHA256: String
    public let createdAt: Date
    public let updatedAt: Date

    /// `challenge/slug`, as errors and the audit log name the study.
    public var name: String { "\(challenge)/\(slug)" }
}
