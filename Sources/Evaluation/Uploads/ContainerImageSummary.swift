/// What a container image archive says about its one image, read without unpacking or running it.
public struct ContainerImageSummary: Sendable, Equatable {
    /// How the archive lays the image out.
    public enum Format: String, Sendable {
        /// `docker save` or `podman save`: a `manifest.json` listing the config and layer files.
        case dockerArchive = "docker-archive"
        /// `podman save --format oci-archive`: an OCI image layout (`oci-layout`, `index.json`, `blobs/`).
        case ociArchive = "oci-archive"
    }

    /// Which of the two layouts the archive uses.
    public let format: Format
    /// `sha256:` and the 64 hex digits of the SHA-256 of the image config: the ID `podman load` and `podman images --no-trunc` report.
    public let imageID: String
    /// The config's `architecture`, such as `amd64`.
    public let architecture: String
    /// The config's `os`, such as `linux`.
    public let os: String
    /// `config.Entrypoint`, empty when absent.
    public let entrypoint: [String]
    /// `config.Cmd`, empty when absent.
    public let command: [String]
    /// `config.User`, nil when absent or empty.
    public let user: String?
    /// `config.WorkingDir`, nil when absent or empty.
    public let workingDirectory: String?
    /// The names the archive gives the image: docker `RepoTags` or the OCI `org.opencontainers.image.ref.name` annotation.
    public let references: [String]
    /// Layers the image lists.
    public let layerCount: Int
    /// Bytes of the distinct layer members as stored in the archive (compressed or not, as the archive holds them).
    public let layerBytes: Int64

    /// A summary with the given fields (the inspector makes them; tests and callers may too).
    public init(format: Format, imageID: String, architecture: String, os: String, entrypoint: [String], command: [String],
                user: String?, workingDirectory: String?, references: [String], layerCount: Int, layerBytes: Int64) {
        self.format = format
        self.imageID = imageID
        self.architecture = architecture
        self.os = os
        self.entrypoint = entrypoint
        self.command = command
        self.user = user
        self.workingDirectory = workingDirectory
        self.references = references
        self.layerCount = layerCount
        self.layerBytes = layerBytes
    }
}
