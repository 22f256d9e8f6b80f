/// An OCI content descriptor: the blob a manifest or index points to, by digest and size.
struct OCIDescriptor: Decodable {
    /// The platform an index entry is for.
    struct Platform: Decodable {
        let architecture: String?
        let os: String?
        let variant: String?

        var name: String { [os ?? "?", architecture ?? "?", variant].compactMap(\.self).joined(separator: "/") }
    }

    let mediaType: String?
    let digest: String
    let size: Int64
    let platform: Platform?
    let annotations: [String: String]?

    static let indexMediaType = "application/vnd.oci.image.index.v1+json"
    static let dockerListMediaType = "application/vnd.docker.distribution.manifest.list.v2+json"

    var isIndex: Bool { mediaType == Self.indexMediaType || mediaType == Self.dockerListMediaType }

    /// The `org.opencontainers.image.ref.name` annotation (the image's name in an OCI archive).
    var referenceName: String? { annotations?["org.opencontainers.image.ref.name"] }
}
