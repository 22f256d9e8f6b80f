import Foundation
import Store

/// Where a judge scores a claimed batch.
public enum ScoringIsolation: Sendable {
    /// In the judge's own process: the fastest, for benchmarks, tests and trusted inputs. A scorer that traps takes
    /// the whole process down (and, in `arbiter serve`, the server with it).
    case inProcess
    /// In a child process per batch, under memory and time limits: a participant's file that crashes or exhausts the
    /// scorer fails only its own job.
    case childProcess(ChildScoring)
}

/// How a judge starts the child that scores a batch.
///
/// The child is started as `command + ["--worker", W, "--claimed", "JOB:SUBMISSION:ATTEMPT,…"]` (plus `--memory-limit-bytes N`
/// when a limit is set). It scores and records those jobs as worker `W`, fenced on each attempt, and prints one
/// `JOB OUTCOME` line per job (`RecordOutcome`'s names), then exits 0. Any other ending is the batch's failure.
public struct ChildScoring: Sendable {
    /// The program and its leading arguments, such as `[/path/to/arbiter, judge, --data-dir, D]`.
    public var command: [String]
    /// Address-space limit the child applies to itself before scoring; nil for none.
    public var memoryLimitBytes: Int?
    /// Time a child may take per job of its batch before it is killed.
    public var secondsPerJob: Double
    /// Variables the child gets beside the parent's environment: secrets such as the database URL go here, not on
    /// its command line, where any user of the machine could read them with `ps`.
    public var environment: [String: String] = [:]

    public static let defaultMemoryLimitBytes = 8 << 30
    public static let defaultSecondsPerJob = 600.0

    public init(command: [String], memoryLimitBytes: Int? = defaultMemoryLimitBytes, secondsPerJob: Double = defaultSecondsPerJob) {
        self.command = command
        self.memoryLimitBytes = memoryLimitBytes
        self.secondsPerJob = secondsPerJob
    }

    /// The arguments after `command` that hand a child its jobs.
    func arguments(worker: String, jobs: [ClaimedJob]) -> [String] {
        var arguments = ["--worker", worker, "--claimed", ClaimedJobList.encode(jobs)]
        if let memoryLimitBytes { arguments += ["--memory-limit-bytes", String(memoryLimitBytes)] }
        return arguments
    }
}
