/// An OCI image layout in a tar (`podman save --format oci-archive`): `oci-layout`, `index.json` pointing to one
/// manifest (perhaps through one nested index) in `blobs/sha256/`, which points to the config and the layers.
enum OCIArchiveImage {
    private struct Layout: Decodable {
        let imageLayoutVersion: String
    }

    private struct Index: Decodable {
        let manifests: [OCIDescriptor]
    }

    private struct Manifest: Decodable {
        let config: OCIDescriptor
        let layers: [OCIDescriptor]
    }

    static let index = "index.json"

    static func summary(_ members: ContainerImageMembers) throws -> ContainerImageSummary {
        _ = try members.decode(Layout.self, "oci-layout", role: "OCI layout file")
        let top = try choose(try members.decode(Index.self, index, role: "OCI index").value.manifests, in: index, members)
        var chosen = top
        var manifestPath = try blob(top, in: index, role: "OCI manifest", members)
        if top.isIndex {
            let nested = try members.decode(Index.self, manifestPath, role: "nested OCI index").value
            chosen = try choose(nested.manifests, in: manifestPath, members)
            guard !chosen.isIndex else {
                throw members.error(manifestPath, "the nested OCI index \(manifestPath) points to another index: at most one level is followed")
            }
            manifestPath = try blob(chosen, in: manifestPath, role: "OCI manifest", members)
        }
        let manifest = try members.decode(Manifest.self, manifestPath, role: "OCI manifest").value
        let config = try blob(manifest.config, in: manifestPath, role: "image config", members)
        try members.checkLayerCount(manifest.layers.count, in: manifestPath)
        let layers = try manifest.layers.map { try layer($0, in: manifestPath, members) }
        let references = [top.referenceName ?? chosen.referenceName].compactMap(\.self)
        return try members.summary(.ociArchive, config: config, references: references, layers: layers)
    }

    /// The one image manifest an index lists: attestation entries (platform unknown/unknown) aside, the only entry,
    /// or else the only one for linux/amd64.
    private static func choose(_ descriptors: [OCIDescriptor], in path: String, _ members: ContainerImageMembers) throws -> OCIDescriptor {
        let images = descriptors.filter { $0.platform?.architecture != "unknown" || $0.platform?.os != "unknown" }
        if images.count == 1 { return images[0] }
        guard !images.isEmpty else { throw members.error(path, "\(path) lists no image manifest") }
        let amd64 = images.filter { $0.platform?.os == "linux" && $0.platform?.architecture == "amd64" }
        if amd64.count == 1 { return amd64[0] }
        let platforms = images.prefix(8).map { $0.platform?.name ?? "no platform" }.joined(separator: ", ")
        throw members.error(path, "\(path) lists \(images.count) manifests (\(platforms)\(images.count > 8 ? ", …" : "")) and "
            + "\(amd64.isEmpty ? "none" : "\(amd64.count)") for linux/amd64: save one image only")
    }

    /// The path of a small blob (a manifest, an index or a config), after checking its size and SHA-256 against the descriptor.
    private static func blob(_ descriptor: OCIDescriptor, in document: String, role: String, _ members: ContainerImageMembers) throws -> String {
        let path = try members.blobPath(descriptor.digest, in: document)
        let bytes = try members.document(path, role: role)
        guard Int64(bytes.count) == descriptor.size else {
            throw members.error(path, "the \(role) \(path) is \(bytes.count) bytes, but \(document) says \(descriptor.size)")
        }
        try members.verify(bytes, sha256: String(path.dropFirst("blobs/sha256/".count)), path: path, role: role)
        return path
    }

    /// A layer blob, checked to exist with the size its descriptor states (its digest is trusted, not computed).
    private static func layer(_ descriptor: OCIDescriptor, in manifest: String, _ members: ContainerImageMembers) throws -> (path: String, member: ContainerImageMembers.Member) {
        let path = try members.blobPath(descriptor.digest, in: manifest)
        guard let layer = members.layer(path) else {
            throw members.error(manifest, "layer \(path) listed in \(manifest) is not in the archive")
        }
        guard Int64(layer.member.size) == descriptor.size else {
            throw members.error(path, "layer \(path) is \(layer.member.size) bytes, but \(manifest) says \(descriptor.size)")
        }
        return layer
    }
}
