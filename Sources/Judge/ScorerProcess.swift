import Foundation
import Synchronization

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

    /// Starts `command` with `arguments`, collects its output, and kills it after `timeLimit` seconds. The waiting
    /// is done on a Dispatch thread, never on the cooperative pool, which on a 2-core machine has two threads.
    static func run(_ command: [String], arguments: [String], environment: [String: String] = [:],
                    timeLimit: Double) async throws -> ScorerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, child in child }
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let killed = KillSwitch()
        let deadline = DispatchWorkItem {
            killed.fired.store(true, ordering: .sequentiallyConsistent)
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: deadline)
        let output: Data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: data)
            }
        }
        deadline.cancel()
        let ending: Ending
        if killed.fired.load(ordering: .sequentiallyConsistent) {
            ending = .timedOut(seconds: timeLimit)
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return ScorerProcess(output: String(decoding: output, as: UTF8.self), ending: ending)
    }
}

/// Set once when the judge kills a child for its time limit, so its ending reads as a timeout and not a crash.
private final class KillSwitch: Sendable {
    let fired = Atomic<Bool>(false)
}
