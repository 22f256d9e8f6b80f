import Foundation
import Glibc

/// Starting and reaping a child with `posix_spawn`, `waitid` and `waitpid`.
extension ChildProcess {
    /// A pipe whose both ends close on exec, so children started later do not hold them open. (Glibc's `pipe2`,
    /// which would do it atomically, is not imported into Swift. A child another thread forks in between would keep
    /// an end for its whole life, and the end-of-file would wait for it: `spawn` closes every descriptor above 2 in
    /// its children for that reason.)
    static func pipe(_ command: [String]) throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard Glibc.pipe(&descriptors) == 0 else {
            throw ChildProcessError(command: command, message: "pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    /// Starts `path` with `arguments` and this process's environment with `environment` laid over it; standard input
    /// is the `input` file (else `/dev/null`), standard output and error are the given descriptors (no `error`: this
    /// process's), and no other descriptor of this process reaches it (another child's pipe, a listening socket);
    /// signals are unblocked and SIGPIPE is back to its default.
    static func spawn(
        _ path: String, _ arguments: [String], input: String?, output: Int32, error: Int32?, workingDirectory: String?,
        environment: [String: String]
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let workingDirectory {
            guard let addChangeDirectory else {
                throw ChildProcessError(command: [path] + arguments, message: "this C library cannot start a child in a folder")
            }
            let added = addChangeDirectory(&actions, workingDirectory)
            guard added == 0 else {
                throw ChildProcessError(command: [path] + arguments, message: "cannot start in \(workingDirectory): \(String(cString: strerror(added)))")
            }
        }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        if let error { posix_spawn_file_actions_adddup2(&actions, error, 2) }
        guard let addCloseFrom, addCloseFrom(&actions, 3) == 0 else {
            throw ChildProcessError(command: [path] + arguments, message: "this C library cannot close a child's inherited descriptors")
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &pipeSignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var variables = environment.isEmpty ? [] : ProcessInfo.processInfo.environment.merging(environment) { _, laid in laid }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        var pid = pid_t()
        let status = variables.isEmpty
            ? posix_spawn(&pid, path, &actions, &attributes, argv, environ)
            : posix_spawn(&pid, path, &actions, &attributes, argv, &variables)
        guard status == 0 else {
            throw ChildProcessError(command: [path] + arguments, message: String(cString: strerror(status)))
        }
        return pid
    }

    private typealias AddChangeDirectory = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
    ) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which Swift does not import (`__USE_GNU`).
    private static let addChangeDirectory: AddChangeDirectory? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChangeDirectory.self)
    }()

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Debian 12 has 2.36), not imported either.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// Blocks the calling (Dispatch) thread until `pid` has exited, leaving it unreaped (so its pid is not reused
    /// while `signal` may still be sent to it).
    static func waitUntilExited(_ pid: pid_t) {
        var information = siginfo_t()
        while waitid(P_PID, id_t(pid), &information, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
    }

    /// Reaps the exited `pid`: its exit code, or the signal that killed it.
    static func reap(_ pid: pid_t) -> (code: Int32, signalled: Bool) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return (-1, false) }
        }
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, false) : (signal, true)
    }
}
