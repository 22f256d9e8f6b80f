import Foundation

/// The signed leaderboard history: snapshots appended in sequence, never rewritten.
public protocol HistoryStore: Sendable {
    func snapshots(challenge slug: String) throws -> [SignedSnapshot]
    func appendSnapshot(_ snapshot: SignedSnapshot, challenge slug: String, now: Date) throws
}
