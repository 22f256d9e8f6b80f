import Foundation

/// One line of the append-only audit log: who did what, when, with which file.
public struct AuditEntry: Sendable, Equatable {
    public let at: Date
    /// `organiser`, `team:<name>`, `judge:<worker>` or `cli`.
    public let actor: String
    /// Dotted verb such as `submission.accepted` or `truth.imported`.
    public let action: String
    public let challenge: String?
    public let subject: String?
    public let fileSHA256: String?
    public let detail: String?

    public init(
        at: Date, actor: String, action: String, challenge: String? = nil, subject: String? = nil,
        fileSHA256: String? = nil, detail: String? = nil
    ) {
        self.at = at
        self.actor = actor
        self.action = action
        self.challenge = challenge
        self.subject = subject
        self.fileSHA256 = fileSHA256
        self.detail = detail
    }
}
