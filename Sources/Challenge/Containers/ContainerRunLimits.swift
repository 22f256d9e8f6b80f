/// What one container run may use. Sizes are bytes; times are seconds.
public struct ContainerRunLimits: Sendable, Equatable, Codable {
    /// Wall-clock time of one run in the per-case layout.
    public let caseSeconds: Int
    /// Wall-clock time of the whole job: every case's run in the per-case layout, the one run in the whole-set layout.
    public let runSeconds: Int
    /// Memory, swap included (swap equals memory, so a run cannot page its way past the limit).
    public let memoryBytes: Int
    public let cpus: Double
    public let processes: Int
    /// Bytes the run may write to `/output`.
    public let outputBytes: Int
    /// Largest image archive a team may upload.
    public let imageBytes: Int
    /// A size-limited `/tmp`.
    public let tmpBytes: Int

    public static let standard = ContainerRunLimits(
        caseSeconds: 600, runSeconds: 3600, memoryBytes: 4 << 30, cpus: 1, processes: 256,
        outputBytes: 1 << 30, imageBytes: 10 << 30, tmpBytes: 1 << 30)

    public init(caseSeconds: Int, runSeconds: Int, memoryBytes: Int, cpus: Double, processes: Int,
                outputBytes: Int, imageBytes: Int, tmpBytes: Int) {
        self.caseSeconds = caseSeconds
        self.runSeconds = runSeconds
        self.memoryBytes = memoryBytes
        self.cpus = cpus
        self.processes = processes
        self.outputBytes = outputBytes
        self.imageBytes = imageBytes
        self.tmpBytes = tmpBytes
    }
}
