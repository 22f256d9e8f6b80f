import Foundation

/// What a runner records when a container job ends. Everything but the log is safe for the team: the reason names a
/// category, an exit status or a problem kind, never a case id or a line the container printed.
public struct ContainerRunReport: Sendable, Equatable {
    public let verdict: RunVerdict
    public let exitCode: Int32?
    /// For `invalidOutput`: how many problems the validator found, and the first one's kind (such as `missing-case`).
    public let problemCount: Int?
    public let firstProblemKind: String?
    public let durationSeconds: Double
    public let peakMemoryBytes: Int64?
    /// Standard output and error (capped), a blob only organisers read; nil when nothing was printed.
    public let logSHA256: String?

    public init(verdict: RunVerdict, exitCode: Int32? = nil, problemCount: Int? = nil, firstProblemKind: String? = nil,
                durationSeconds: Double, peakMemoryBytes: Int64?, logSHA256: String?) {
        self.verdict = verdict
        self.exitCode = exitCode
        self.problemCount = problemCount
        self.firstProblemKind = firstProblemKind
        self.durationSeconds = durationSeconds
        self.peakMemoryBytes = peakMemoryBytes
        self.logSHA256 = logSHA256
    }

    /// The submission's failure as its team reads it.
    public var teamMessage: String {
        switch verdict {
        case .succeeded: "the container's output was accepted"
        case .timedOut: "the container was stopped at its time limit"
        case .outOfMemory: "the container ran out of memory"
        case .exitCode: "the container exited with status \(exitCode.map(String.init) ?? "unknown")"
        case .outputTooLarge: "the container wrote more to /output than the phase allows"
        case .invalidOutput:
            "the container's output is not a valid prediction file: \(problemCount ?? 0) problems, the first of kind \(firstProblemKind ?? "unknown")"
        case .unusableImage: "the image could not be loaded or started"
        }
    }
}
