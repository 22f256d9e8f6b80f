import Foundation
import Synchronization

/// One child process (podman, in practice) whose output is read with a cap and whose end is awaited without holding a
/// cooperative thread: reading and waiting (`waitpid`) happen on Dispatch threads, which on a 2-core machine matters (the
/// cooperative pool has two threads).
final class ChildProcess: Sendable {
    /// What a finished child left: its exit status, its standard output (or output and error merged), its error.
    struct Result: Sendable {
        let status: Int32
        /// Whether it died of a signal (then `status` is the signal).
        let signalled: Bool
        let output: [UInt8]
        let outputTruncated: Bool
        let error: [UInt8]

        var outputText: String { String(decoding: output, as: UTF8.self) }
        var errorText: String { String(decoding: error, as: UTF8.self) }
    }

    let command: [String]
    private let state = Mutex(State())

    private struct State {
        var result: Result?
        var waiters: [@Sendable (Result) -> Void] = []
    }

    /// Starts `executable` with `arguments`, standard input empty. Standard output is kept up to `outputLimit` bytes
    /// and the rest is read and dropped, so the child never blocks on a full pipe; with `mergeErrors` standard error
    /// goes into the same pipe (so the two stay in order), else it is kept apart up to `errorLimit` bytes.
    /// `workingDirectory` is where it starts (else here); `inputFile`, when given, is its standard input.
    init(
        _ executable: String, _ arguments: [String], outputLimit: Int = 1 << 20, mergeErrors: Bool = false,
        workingDirectory: String? = nil, inputFile: String? = nil, errorLimit: Int = 1 << 16
    ) throws {
        command = [executable] + arguments
        let output = try Self.pipe(command)
        let errors = mergeErrors ? output : try Self.pipe(command)
        let pid: pid_t
        do {
            pid = try Self.spawn(
                try Self.resolve(executable), arguments, input: inputFile, output: output.write, error: errors.write,
                workingDirectory: workingDirectory)
        } catch {
            for descriptor in Set([output.read, output.write, errors.read, errors.write]) { close(descriptor) }
            throw error
        }
        close(output.write)
        if !mergeErrors { close(errors.write) }
        let group = DispatchGroup()
        let outputReader = CappedReader(output.read, limit: outputLimit)
        let errorReader = mergeErrors ? nil : CappedReader(errors.read, limit: errorLimit)
        for reader in [outputReader, errorReader].compactMap({ $0 }) {
            DispatchQueue.global().async(group: group) { reader.readToEnd() }
        }
        DispatchQueue.global().async { [self] in
            group.wait()
            let status = Self.waitForExit(pid)
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

    /// Whether the child has exited and its output has been read to the end.
    var hasEnded: Bool { state.withLock { $0.result != nil } }

    /// Waits for the end, off the cooperative pool. Not cancellable: whoever cancels kills the child instead.
    func result() async -> Result {
        await withCheckedContinuation { continuation in
            whenEnded { continuation.resume(returning: $0) }
        }
    }

    /// Waits for the end at most `seconds`; true when the child has ended.
    func waitForEnd(upTo seconds: Double) async -> Bool {
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

    /// Runs a command to its end and returns its result, throwing when it exits non-zero.
    static func run(
        _ executable: String, _ arguments: [String], outputLimit: Int = 1 << 20, workingDirectory: String? = nil
    ) async throws -> Result {
        let child = try ChildProcess(executable, arguments, outputLimit: outputLimit, workingDirectory: workingDirectory)
        let result = await child.result()
        guard result.status == 0, !result.signalled else {
            throw ContainerEngineError(command: child.command, status: result.status, message: result.errorText)
        }
        return result
    }

    /// The executable's path: itself when it holds a `/`, else the first match on `PATH`.
    static func resolve(_ executable: String) throws -> String {
        if executable.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw ContainerEngineError(command: [executable], status: nil, message: "no executable at \(executable)")
            }
            return executable
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(executable)") {
            return "\(folder)/\(executable)"
        }
        throw ContainerEngineError(command: [executable], status: nil, message: "\(executable) not found on PATH (\(path))")
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
