import ChildProcesses
import Foundation

/// One run of a child scorer: its standard output and how it ended.
struct ScorerProcess: Sendable {
    enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed by the judge after its time limit.
        case timedOut(seconds: Double)
    }

    let output: String
    let ending: Ending

    /// The most of a child's standard output kept: a line per job of its batch is far less. A child that writes more
    /// loses the rest, its missing answers count as a death, and its jobs are scored again one at a time.
    static let outputLimit = 64 << 20

    /// Starts `command` with `arguments`, collects its output, and kills it after `timeLimit` seconds. Its standard
    /// error is the judge's, so its log lines join the judge's log. The waiting is done on Dispatch threads, never on
    /// the cooperative pool, which on a 2-core machine has two threads.
    static func run(_ command: [String], arguments: [String], environment: [String: String] = [:],
                    timeLimit: Double) async throws -> ScorerProcess {
        let child = try ChildProcess(
            command[0], Array(command.dropFirst()) + arguments, outputLimit: outputLimit, errors: .inherited,
            environment: environment)
        let killed = await child.waitForEnd(upTo: timeLimit) ? false : child.signal(SIGKILL)
        let result = await child.result()
        // A child that ended on its own while the kill was on its way keeps its own ending.
        let ending: Ending = killed && result.signalled && result.status == SIGKILL
            ? .timedOut(seconds: timeLimit) : result.signalled ? .signalled(result.status) : .exited(result.status)
        return ScorerProcess(output: result.outputText, ending: ending)
    }
}
