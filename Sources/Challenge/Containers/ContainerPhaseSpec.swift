/// How a `submission: container` phase runs teams' containers.
public struct ContainerPhaseSpec: Sendable, Equatable, Codable {
    public let layout: ContainerLayout
    /// The per-case inputs, each imported by the organiser (`arbiter inputs import`).
    public let inputs: [ContainerInterface]
    /// The per-case layout's outputs; empty in the whole-set layout, whose output is the prediction file itself.
    public let outputs: [ContainerInterface]
    /// The output gathered into the prediction file the phase scores (per-case layout).
    public let scoredOutput: String?
    public let limits: ContainerRunLimits
    public let logs: LogVisibility
    /// GPUs each run needs (CDI devices on the runner's host).
    public let gpus: Int
    /// For code packages; nil when teams upload whole images.
    public let runtime: ContainerRuntime?

    public init(layout: ContainerLayout, inputs: [ContainerInterface], outputs: [ContainerInterface], scoredOutput: String?,
                limits: ContainerRunLimits, logs: LogVisibility, gpus: Int, runtime: ContainerRuntime?) {
        self.layout = layout
        self.inputs = inputs
        self.outputs = outputs
        self.scoredOutput = scoredOutput
        self.limits = limits
        self.logs = logs
        self.gpus = gpus
        self.runtime = runtime
    }

    /// The output the phase scores (per-case layout).
    public var scoredInterface: ContainerInterface? {
        outputs.first { $0.slug == scoredOutput }
    }
}
