import Diagnostics

/// The layout `docker save` and `podman save` write: `manifest.json` lists, for each image, its config file and its
/// layer files (podman 4.3: `<config digest>.json`, `<diff id>.tar`, plus legacy `<id>/layer.tar` links and `repositories`).
enum DockerArchiveImage {
    private struct Entry: Decodable {
        let config: String
        let repoTags: [String]?
        let layers: [String]

        enum CodingKeys: String, CodingKey { case config = "Config", repoTags = "RepoTags", layers = "Layers" }
    }

    static let manifest = "manifest.json"

    static func summary(_ members: ContainerImageMembers) throws -> ContainerImageSummary {
        let (entries, _) = try members.decode([Entry].self, manifest, role: "docker manifest")
        guard entries.count == 1, let entry = entries.first else {
            throw members.error(manifest, "manifest.json lists \(entries.count) images; the archive must hold exactly one (save one image only)")
        }
        try members.checkLayerCount(entry.layers.count, in: manifest)
        let config = ContainerImageMembers.memberName(entry.config)
        if let hex = digestInName(config) {
            try members.verify(try members.document(config, role: "image config"), sha256: hex, path: config, role: "image config")
        }
        let layers = try entry.layers.map { listed in
            guard let layer = members.layer(ContainerImageMembers.memberName(listed)) else {
                throw members.error(manifest, "layer \"\(SourceLocation.printable(listed))\" listed in manifest.json is not in the archive")
            }
            return layer
        }
        return try members.summary(.dockerArchive, config: config, references: entry.repoTags ?? [], layers: layers)
    }

    /// The hex digest a config's name states: `<hex>.json` (podman, docker before 25) or `blobs/sha256/<hex>` (docker 25+).
    static func digestInName(_ path: String) -> String? {
        if path.hasPrefix("blobs/sha256/") { return ContainerImageMembers.sha256Hex(path, prefix: "blobs/sha256/") }
        let name = String(path.split(separator: "/").last ?? "")
        guard name.hasSuffix(".json") else { return nil }
        return ContainerImageMembers.sha256Hex(String(name.dropLast(5)), prefix: "")
    }
}
