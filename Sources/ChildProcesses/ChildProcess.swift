import Foundation
import Synchronization

/// One child process (podman, a scoring child, `arbiter` under test) started with `posix_spawn`, whose output is read
/// with a cap and whose end is awaited without holding a cooperative thread: reading and waiting happen on Dispatch
/// threads, which on a 2-core machine matters (the cooperative pool has two threads).
///
/// Not Foundation's `Process`: on this host it left children unreaped when several ran at once, and Swift 6.3.1's
/// `Process.run` over-reads a directory entry of `/proc/self/fd` and can crash the launching process
/// (swift-corelibs-foundation#5472, fixed after this toolchain).
public final class ChildProcess: Sendable {
    /// What a finished child left: its exit status, its standard output (or output and error merged), its error.
    public struct Result: Sendable {
        public let status: Int32
        /// Whether it died of a signal (then `status` is the signal).
        public let signalled: Bool
        public let output: [UInt8]
        public let outputTruncated: Bool
        /// Empty unless standard error was `.kept`.
        public let error: [UInt8]

        public var outputText: String { String(decoding: output, as: UTF8.self) }
        public var errorText: String { String(decoding: error, as: UTF8.self) }
    }

    /// Where the child's standard error goes.
    public enum ErrorOutput: Sendable {
        /// Into a pipe of its own, kept up to `limit` bytes (the rest read and dropped).
        case kept(limit: Int)
        /// Into standard output's pipe, so the two stay in order.
        case mergedIntoOutput
        /// This process's own standard error (a child's log lines reach the same log).
        case inherited
    }

    public let command: [String]
    private let pid: pid_t
    private let state = Mutex(State())

    private struct State {
        var result: Result?
        var waiters: [@Sendable (Result) -> Void] = []
        /// Set once the child has exited and is about to be reaped: from then on its pid may be another process's.
        var exited = false
    }

    /// Starts `executable` (a path, or a name looked up on `PATH`) with `arguments`. Standard output is kept up to
    /// `outputLimit` bytes and the rest is read and dropped, so the child never blocks on a full pipe. Standard input
    /// is `inputFile` (else `/dev/null`); the environment is this process's with `environment` laid over it; the
    /// child starts in `workingDirectory` (else here).
    public init(
        _ executable: String, _ arguments: [String], outputLimit: Int = 1 << 20, errors: ErrorOutput = .kept(limit: 1 << 16),
        workingDirectory: String? = nil, inputFile: String? = nil, environment: [String: String] = [:]
    ) throws {
        command = [executable] + arguments
        let output = try Self.pipe(command)
        var errorPipe: (read: Int32, write: Int32)?
        if case .kept = errors {
            do { errorPipe = try Self.pipe(command) } catch {
                for descriptor in [output.read, output.write] { close(descriptor) }
                throw error
            }
        }
        let errorDescriptor: Int32? = switch errors {
        case .kept: errorPipe?.write
        case .mergedIntoOutput: output.write
        case .inherited: nil
        }
        do {
            pid = try Self.spawn(
                try Self.resolve(executable), arguments, input: inputFile, output: output.write, error: errorDescriptor,
                workingDirectory: workingDirectory, environment: environment)
        } catch {
            for descriptor in [output.read, output.write, errorPipe?.read, errorPipe?.write].compactMap({ $0 }) { close(descriptor) }
            throw error
        }
        close(output.write)
        if let errorPipe { close(errorPipe.write) }
        let group = DispatchGroup()
        let outputReader = CappedReader(output.read, limit: outputLimit)
        let errorReader: CappedReader? = switch (errors, errorPipe) {
        case (.kept(let limit), let pipe?): CappedReader(pipe.read, limit: limit)
        default: nil
        }
        for reader in [outputReader, errorReader].compactMap({ $0 }) {
            DispatchQueue.global().async(group: group) { reader.readToEnd() }
        }
        DispatchQueue.global().async { [self, pid] in
            // Exited first (a zombie from then on answers `kill` but is no longer running), then the output read to
            // its end, then reaped: until `waitpid` the pid cannot be handed to another process.
            Self.waitUntilExited(pid)
            state.withLock { $0.exited = true }
            group.wait()
            let status = Self.reap(pid)
            let (bytes, truncated) = outputReader.bytes
            finish(Result(
                status: status.code, signalled: status.signalled, output: bytes, outputTruncated: truncated,
                error: errorReader?.bytes.0 ?? []))
        }
    }

    private func finish(_ result: Result) {
        let waiters = state.withLock { state in
            state.result = result
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter(result) }
    }

    /// Sends `signal` to the child unless it has already exited; true when it was sent. The check and the send hold
    /// the lock under which the reaper marks the child exited, before it calls `waitpid`, so a pid the system has
    /// handed to another process is never hit. (A child that exits while the signal is on its way still reads as sent.)
    @discardableResult
    public func signal(_ signal: Int32) -> Bool {
        state.withLock { state in
            guard !state.exited else { return false }
            return kill(pid, signal) == 0
        }
    }

    /// Whether the child has exited and its output has been read to the end.
    public var hasEnded: Bool { state.withLock { $0.result != nil } }

    /// Waits for the end, off the cooperative pool. Not cancellable: whoever cancels signals the child instead.
    public func result() async -> Result {
        await withCheckedContinuation { continuation in
            whenEnded { continuation.resume(returning: $0) }
        }
    }

    /// Waits for the end at most `seconds`; true when the child has ended.
    public func waitForEnd(upTo seconds: Double) async -> Bool {
        await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            let resume: @Sendable (Bool) -> Void = { once.resume($0) }
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) { resume(false) }
            whenEnded { _ in resume(true) }
        }
    }

    /// Calls `action` with the result once the child has ended (at once if it has).
    private func whenEnded(_ action: @escaping @Sendable (Result) -> Void) {
        let ready = state.withLock { state -> Result? in
            if let result = state.result { return result }
            state.waiters.append(action)
            return nil
        }
        if let ready { action(ready) }
    }

    /// The executable's path: itself when it holds a `/`, else the first match on `PATH`.
    public static func resolve(_ executable: String) throws -> String {
        if executable.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw ChildProcessError(command: [executable], message: "no executable at \(executable)")
            }
            return executable
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(executable)") {
            return "\(folder)/\(executable)"
        }
        throw ChildProcessError(command: [executable], message: "\(executable) not found on PATH (\(path))")
    }
}

/// A continuation resumed by whichever comes first, the end or the timeout; the later call does nothing.
private final class ResumeOnce: Sendable {
    private let slot: Mutex<CheckedContinuation<Bool, Never>?>

    init(_ continuation: CheckedContinuation<Bool, Never>) { slot = Mutex(continuation) }

    func resume(_ value: Bool) { slot.withLock { $0.take() }?.resume(returning: value) }
}

/// Reads a pipe to its end on the calling (Dispatch) thread, keeping the first `limit` bytes and dropping the rest.
/// It owns the descriptor and closes it at the end.
private final class CappedReader: Sendable {
    private let descriptor: Int32
    private let limit: Int
    private let kept = Mutex<([UInt8], Bool)>(([], false))

    init(_ descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.limit = limit
    }

    var bytes: ([UInt8], Bool) { kept.withLock { $0 } }

    func readToEnd() {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var collected: [UInt8] = []
        var truncated = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            let room = max(0, limit - collected.count)
            collected.append(contentsOf: buffer[0..<min(room, count)])
            if count > room { truncated = true }
        }
        close(descriptor)
        kept.withLock { $0 = (collected, truncated) }
    }
}
