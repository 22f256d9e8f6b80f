import Foundation

/// The answer to an upload: stored and queued (202), or valid on a dry run (200).
struct AcceptedView: Codable, Sendable {
    let id: Int64?
    let status: String
    let statusURL: String?
    let sha256: String
    let byteCount: Int
    let dryRun: Bool
}

/// A team and, when just created or issued, the token shown this once.
struct TeamView: Codable, Sendable {
    let name: String
    let submissions: Int?
    let token: String?
}

/// Who a token belongs to.
struct IdentityView: Codable, Sendable {
    let role: String
    let team: String?
    let challenge: String?
}

/// How many submissions a re-judge queued.
struct RejudgeView: Codable, Sendable {
    let queued: Int
}
