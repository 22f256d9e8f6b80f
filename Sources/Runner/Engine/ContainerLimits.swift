/// What one container run may use. Every limit is enforced by the kernel or by the engine's watch, never by the image.
public struct ContainerLimits: Sendable, Equatable {
    /// Wall-clock seconds from start to kill.
    public var wallSeconds: Double
    /// Memory and memory+swap (equal: no swap).
    public var memoryBytes: Int64
    /// CPU time share, in cores.
    public var cpus: Double
    /// Processes and threads.
    public var processes: Int
    /// Total size of `/output`; also the largest single file the container may write anywhere (`ulimit fsize`).
    public var outputBytes: Int64
    /// Size of the `/tmp` tmpfs (its pages also count against `memoryBytes`).
    public var tmpBytes: Int64
    /// GPUs, taken from the settings' `gpuDevices`; 0 = none.
    public var gpus: Int

    public init(
        wallSeconds: Double, memoryBytes: Int64, cpus: Double, processes: Int, outputBytes: Int64, tmpBytes: Int64,
        gpus: Int = 0
    ) {
        self.wallSeconds = wallSeconds
        self.memoryBytes = memoryBytes
        self.cpus = cpus
        self.processes = processes
        self.outputBytes = outputBytes
        self.tmpBytes = tmpBytes
        self.gpus = gpus
    }
}
