/// One run of a participant's image: what to run, with which files, under which limits.
public struct ContainerInvocation: Sendable {
    /// Unique container name, e.g. `arbiter-run-17-2`.
    public var name: String
    /// Labels, e.g. `["arbiter.job": "17"]`, so orphans can be found and removed (`removeContainers(labelled:value:)`).
    public var labels: [String: String]
    /// Image id `sha256:…` or a local reference; never pulled.
    public var image: String
    /// nil: the image's own entry point and command.
    public var command: [String]?
    /// Hidden inputs and code, usually read-only.
    public var mounts: [ContainerMount]
    /// Host folder (created empty by the caller) mounted read-write at `/output`; the engine gives it to the
    /// container's user.
    public var outputFolder: String
    public var limits: ContainerLimits
    public var environment: [String: String]

    public init(
        name: String, labels: [String: String] = [:], image: String, command: [String]? = nil,
        mounts: [ContainerMount] = [], outputFolder: String, limits: ContainerLimits, environment: [String: String] = [:]
    ) {
        self.name = name
        self.labels = labels
        self.image = image
        self.command = command
        self.mounts = mounts
        self.outputFolder = outputFolder
        self.limits = limits
        self.environment = environment
    }
}
