import ArgumentParser
import Foundation
import Judge

/// How `judge` and `serve` isolate scoring from the participant's file: by default each batch is scored in a child
/// `arbiter judge` process under memory and time limits, so a file that crashes the scorer fails only its own job.
struct ScoringIsolationOptions: ParsableArguments {
    @Flag(help: "Score in this process (faster to start; a scorer crash then stops the whole process).")
    var inProcess = false
    @Option(help: "Memory (address space) in megabytes a scoring child may use.") var jobMemoryLimit = ChildScoring.defaultMemoryLimitBytes >> 20
    @Option(help: "Seconds a scoring child may take per job of its batch before it is killed.") var jobTimeLimit = ChildScoring.defaultSecondsPerJob

    func isolation(data: DataDirectoryOption) throws -> ScoringIsolation {
        guard !inProcess else { return .inProcess }
        guard jobMemoryLimit > 0, jobTimeLimit > 0 else {
            throw ValidationError("--job-memory-limit and --job-time-limit must be positive, got \(jobMemoryLimit) and \(jobTimeLimit)")
        }
        // The child opens the parent's store, or it would open the data folder's SQLite database and find none of
        // the claimed submissions: `--database` is handed on as ARBITER_DATABASE (which the child also inherits when
        // the parent had it), so a password stays out of the child's command line.
        var child = ChildScoring(command: [try Self.executablePath(), "judge", "--data-dir", data.url.path],
                                 memoryLimitBytes: jobMemoryLimit << 20, secondsPerJob: jobTimeLimit)
        if let database = data.database { child.environment["ARBITER_DATABASE"] = database }
        return .childProcess(child)
    }

    /// This program's own file, so the child is the same build as the parent.
    static func executablePath() throws -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ValidationError("cannot find this program's own executable to start scoring children (tried \(path)); use --in-process")
        }
        return path
    }
}

/// Limits a process puts on itself.
enum ProcessLimits {
    /// Caps the address space, so an allocation past it fails (and the child dies) instead of the machine swapping.
    static func limitAddressSpace(to bytes: Int) throws {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        guard setrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0 else {
            throw ValidationError("cannot limit the address space to \(bytes) bytes: \(String(cString: strerror(errno)))")
        }
    }
}
