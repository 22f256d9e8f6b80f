import Challenge
import Foundation
import Store

/// A container submission's run as a team or an organiser sees it: status, duration, peak memory and a reason
/// category, never the log's contents (only its URL, for callers the phase lets read it) and never a case id.
struct ContainerRunView: Codable, Sendable {
    let imageID: String
    /// `waiting` until a run ended, then `finished`.
    let state: String
    /// The reason category: `succeeded`, `timeout`, `out-of-memory`, `exit-code`, `output-too-large`, `invalid-output`,
    /// `unusable-image`.
    let verdict: String?
    let exitCode: Int32?
    let durationSeconds: Double?
    let peakMemoryBytes: Int64?
    let problemCount: Int?
    let firstProblemKind: String?
    let logURL: String?

    init(_ record: ContainerRunRecord, logReadable: Bool) {
        imageID = record.image.imageID
        state = record.report == nil ? "waiting" : "finished"
        verdict = record.report?.verdict.rawValue
        exitCode = record.report?.exitCode
        durationSeconds = record.report?.durationSeconds
        peakMemoryBytes = record.report?.peakMemoryBytes
        problemCount = record.report?.problemCount
        firstProblemKind = record.report?.firstProblemKind
        logURL = logReadable && record.report?.logSHA256 != nil ? "/api/v1/submissions/\(record.submissionID)/log" : nil
    }

    /// Organisers read every log; a team only its own, and only in a phase whose logs are for teams (no private split).
    static func mayReadLog(_ caller: Caller, phase: PhaseSpec) -> Bool {
        switch caller {
        case .organiser: true
        case .team: phase.container?.logs == .team
        case .anonymous, .annotator, .participant: false
        }
    }
}
