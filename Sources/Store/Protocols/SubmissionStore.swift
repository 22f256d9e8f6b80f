import Foundation

/// Submissions and the limits on them. Acceptance checks the phase's limits and records the submission and its
/// scoring job in one transaction, so parallel uploads can never exceed a limit.
public protocol SubmissionStore: Sendable {
    /// Records an accepted submission (its bytes already durable in the blob store) and queues its job; throws
    /// the `LimitRefusal` when a limit would be exceeded.
    func acceptSubmission(_ file: AcceptedFile, phase: StoredPhase, team: StoredTeam, challenge: String, now: Date) throws -> StoredSubmission
    /// Throws the `LimitRefusal` when the team may not submit now; checked again inside `acceptSubmission`.
    func checkLimits(phase: StoredPhase, team: StoredTeam, now: Date) throws
    func submission(_ id: Int64) throws -> StoredSubmission
    func submissions(phase: StoredPhase, team: StoredTeam) throws -> [StoredSubmission]
    func submissions(challenge: StoredChallenge, team: StoredTeam?) throws -> [StoredSubmission]
    /// Marks a team's chosen final entry; one per team and phase.
    func chooseFinal(_ submissionID: Int64, team: StoredTeam, challenge: String, now: Date) throws
}

/// Refused uploads, counted per phase, team and reason (see `UploadRefusal`).
public protocol RefusalStore: Sendable {
    func recordRefusal(phase: StoredPhase, team: StoredTeam, code: String, message: String, now: Date) throws
    func refusals(challenge: StoredChallenge) throws -> [UploadRefusal]
}
