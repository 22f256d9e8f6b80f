/// How a container run ended.
public enum ContainerEnding: Sendable, Equatable {
    /// The container's main process exited by itself; 0 is success (a process killed by a signal reads 128 + signal).
    case exited(code: Int32)
    /// Killed at the wall-clock limit.
    case timedOut(seconds: Double)
    /// Killed by the kernel's OOM killer at the memory limit.
    case outOfMemory
    /// `/output` grew past `limits.outputBytes` (or past its entry budget), and the run was stopped.
    case outputTooLarge(bytes: Int64)
}
