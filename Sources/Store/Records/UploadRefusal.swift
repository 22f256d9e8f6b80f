import Foundation

/// How often a team's uploads to a phase were refused for one reason, for the organiser: refused files are not kept,
/// so one counting row per (phase, team, reason) is, whatever the number of refusals.
public struct UploadRefusal: Sendable, Equatable {
    public let phase: String
    public let team: String
    /// The API's error code: `invalid-file`, `file-too-large`, `limit-reached`, …
    public let code: String
    public let count: Int
    public let lastAt: Date
    /// The last refusal's message, as the team saw it.
    public let lastMessage: String

    public init(phase: String, team: String, code: String, count: Int, lastAt: Date, lastMessage: String) {
        self.phase = phase
        self.team = team
        self.code = code
        self.count = count
        self.lastAt = lastAt
        self.lastMessage = lastMessage
    }
}
