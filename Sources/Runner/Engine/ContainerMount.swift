/// A host folder or file bound into the container. Paths must be absolute and free of `,` and `:` (podman's option
/// separators); the engine refuses others rather than escape them.
public struct ContainerMount: Sendable, Equatable {
    public var hostPath: String
    public var containerPath: String
    public var readOnly: Bool

    public init(hostPath: String, containerPath: String, readOnly: Bool = true) {
        self.hostPath = hostPath
        self.containerPath = containerPath
        self.readOnly = readOnly
    }
}
