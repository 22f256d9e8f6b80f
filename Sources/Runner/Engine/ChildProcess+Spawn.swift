import Foundation
import Glibc

/// Starting and reaping a child with `posix_spawn` and `waitpid`: Foundation's `Process` left children unreaped
/// (zombies, and `waitUntilExit` spinning for ever) when several podman commands ran at once on this host.
extension ChildProcess {
    /// A pipe whose both ends close on exec, so children started later do not hold them open. (Glibc's `pipe2`,
    /// which would do it atomically, is not imported into Swift; a child spawned by another thread in between may
    /// inherit an end until it execs, which only delays an end-of-file.)
    static func pipe(_ command: [String]) throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard Glibc.pipe(&descriptors) == 0 else {
            throw ContainerEngineError(command: command, status: nil, message: "pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    /// Starts `path` with `arguments` and this process's environment; standard input is the `input` file (else
    /// `/dev/null`), standard output and error are the given descriptors; signals are unblocked and SIGPIPE is back to
    /// its default.
    static func spawn(
        _ path: String, _ arguments: [String], input: String? = nil, output: Int32, error: Int32, workingDirectory: String?
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let workingDirectory {
            guard let addChangeDirectory else {
                throw ContainerEngineError(
                    command: [path] + arguments, status: nil, message: "this C library cannot start a child in a folder")
            }
            addChangeDirectory(&actions, workingDirectory)
        }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
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
        var pid = pid_t()
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw ContainerEngineError(
                command: [path] + arguments, status: nil, message: "cannot start: \(String(cString: strerror(status)))")
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

    /// Blocks the calling (Dispatch) thread until `pid` exits; its exit code, or the signal that killed it.
    static func waitForExit(_ pid: pid_t) -> (code: Int32, signalled: Bool) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return (-1, false) }
        }
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, false) : (signal, true)
    }
}
