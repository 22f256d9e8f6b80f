/// What the engine learnt from one container run.
public struct ContainerRunOutcome: Sendable {
    public let ending: ContainerEnding
    /// From start to exit, seconds.
    public let durationSeconds: Double
    /// The container's peak memory (its cgroup's high-water mark); nil when the host does not tell.
    public let peakMemoryBytes: Int64?
    /// Standard output and standard error, interleaved in order, capped at the engine's `logLimit` bytes.
    public let log: [UInt8]
    public let logTruncated: Bool
    /// Total size of `/output` after the run (as far as the bounded walk counted).
    public let outputBytes: Int64

    public init(
        ending: ContainerEnding, durationSeconds: Double, peakMemoryBytes: Int64?, log: [UInt8], logTruncated: Bool,
        outputBytes: Int64
    ) {
        self.ending = ending
        self.durationSeconds = durationSeconds
        self.peakMemoryBytes = peakMemoryBytes
        self.log = log
        self.logTruncated = logTruncated
        self.outputBytes = outputBytes
    }
}
