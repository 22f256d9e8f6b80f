import Challenge
import Foundation
import Store

/// Everything the organiser's dashboard shows, read in one pass on the blocking pool.
struct ManageSnapshot {
    let challenge: StoredChallenge
    let phases: [StoredPhase]
    let teams: [(team: StoredTeam, submissions: Int)]
    let tokens: [TokenRecord]
    let members: [TeamMember]
    let requests: [AccessRequest]
    let failedSubmissions: [Int64: Int]
    let refusals: [UploadRefusal]
    let queueRows: [[String: String]]
    let failedJobRows: [[String: String]]
    let attention: [String]

    /// Refused uploads per team name, over every phase and reason.
    var refusedByTeam: [String: Int] { refusals.reduce(into: [:]) { $0[$1.team, default: 0] += $1.count } }

    var refusalRows: [[String: String]] {
        refusals.map {
            ["phase": $0.phase, "team": $0.team, "code": $0.code, "count": String($0.count), "last": PageTime.utc($0.lastAt),
             "message": $0.lastMessage]
        }
    }

    init(store: any ArbiterStore, challenge slug: String, now: Date) throws {
        challenge = try store.challenge(slug)
        phases = try store.phases(challenge)
        teams = try store.teamsWithSubmissionCounts(challenge: challenge)
        tokens = try store.teamTokens(challenge: challenge)
        members = try store.members(challenge: challenge)
        requests = try store.accessRequests(challenge: challenge)
        refusals = try store.refusals(challenge: challenge)
        let submissions = try store.submissions(challenge: challenge, team: nil)
        failedSubmissions = submissions.filter { $0.status == .failed }.reduce(into: [:]) { $0[$1.teamID, default: 0] += 1 }
        let ours = Set(submissions.map(\.id))
        let failedJobs = try store.failedJobs().filter { $0.submissionID.map(ours.contains) ?? false }
        failedJobRows = failedJobs.map {
            ["job": String($0.jobID), "kind": $0.kind.rawValue, "submission": $0.submissionID.map(String.init) ?? "–",
             "attempts": String($0.attempts), "reason": $0.reason ?? "the scorer reported the file's problem (shown to the team)"]
        }
        // The queue is shared by every challenge on this store: its depth is the judge's, not this challenge's alone.
        queueRows = try store.queueStatistics(now: now).sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, statistics in
            ["kind": kind.rawValue, "queued": String(statistics.queued), "running": String(statistics.running),
             "leaseExpired": String(statistics.leaseExpired), "failed": String(statistics.failed), "done": String(statistics.done)]
        }
        var attention: [String] = []
        if !failedJobs.isEmpty { attention.append("\(failedJobs.count) job\(failedJobs.count == 1 ? "" : "s") failed after every attempt: see Failed jobs below.") }
        if let oldest = submissions.filter({ $0.status == .queued }).min(by: { $0.submittedAt < $1.submittedAt }) {
            let minutes = Int(now.timeIntervalSince(oldest.submittedAt) / 60)
            attention.append("The oldest queued submission (\(oldest.id)) has waited \(minutes) min.")
        }
        for phase in phases {
            let opens = phase.spec.opens.timeIntervalSince(now), closes = phase.spec.closes.timeIntervalSince(now)
            if opens > 0, opens < 86_400 { attention.append("\(phase.spec.title) opens at \(PageTime.utc(phase.spec.opens)).") }
            if closes > 0, closes < 86_400 { attention.append("\(phase.spec.title) closes at \(PageTime.utc(phase.spec.closes)).") }
        }
        self.attention = attention
    }
}
