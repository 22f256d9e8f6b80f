@testable import Evaluation

/// Container image archives written in code, laid out as `podman save` writes them (layers first, `manifest.json`
/// or `index.json` last), as lists of tar members a test can reorder, drop or replace before `tar` joins them.
enum ImageArchiveBuilder {
    typealias Member = (name: String, bytes: [UInt8])

    /// A small layer: a tar holding one 3000-byte file.
    static let layer = TarBuilder.member("bin/tool", [UInt8](repeating: 0x41, count: 3000)) + TarBuilder.end
    static let secondLayer = TarBuilder.member("etc/tool.conf", Array("mode=fast\n".utf8)) + TarBuilder.end

    static let config = configJSON()

    /// An image config; `architecture` or `os` nil leaves the key out.
    static func configJSON(architecture: String? = "amd64", os: String? = "linux") -> [UInt8] {
        let platform = [architecture.map { "\"architecture\":\"\($0)\"" }, os.map { "\"os\":\"\($0)\"" }].compactMap(\.self)
        let settings = #""config":{"User":"1000","Entrypoint":["/bin/busybox"],"Cmd":["sh","-c","run"],"WorkingDir":"/work"}"#
        return Array(("{" + (platform + [settings]).joined(separator: ",") + "}").utf8)
    }

    static func hex(_ bytes: [UInt8]) -> String { DocumentDigest.hex(bytes) }

    static func tar(_ members: [Member]) -> [UInt8] {
        members.flatMap { TarBuilder.member($0.name, $0.bytes) } + TarBuilder.end
    }

    // MARK: docker-archive

    static func dockerManifest(config: String, layers: [String], tags: [String] = ["localhost/tool:1"], images: Int = 1) -> [UInt8] {
        let quoted = { (names: [String]) in names.map { "\"\($0)\"" }.joined(separator: ",") }
        let entry = #"{"Config":"\#(config)","RepoTags":[\#(quoted(tags))],"Layers":[\#(quoted(layers))]}"#
        return Array(("[" + Array(repeating: entry, count: images).joined(separator: ",") + "]").utf8)
    }

    /// `podman save` (docker-archive): `<diff id>.tar` layers, `<config digest>.json`, `manifest.json`.
    static func docker(config: [UInt8] = config, layers: [[UInt8]] = [layer], images: Int = 1) -> [Member] {
        let layerNames = layers.map { hex($0) + ".tar" }
        let configName = hex(config) + ".json"
        return Array(zip(layerNames, layers)) + [(configName, config),
                                                 ("manifest.json", dockerManifest(config: configName, layers: layerNames, images: images))]
    }

    // MARK: oci-archive

    static func descriptor(_ bytes: [UInt8], mediaType: String, extra: String = "") -> String {
        #"{"mediaType":"\#(mediaType)","digest":"sha256:\#(hex(bytes))","size":\#(bytes.count)\#(extra)}"#
    }

    static func ociManifest(config: [UInt8], layers: [[UInt8]]) -> [UInt8] {
        let layerDescriptors = layers.map { descriptor($0, mediaType: "application/vnd.oci.image.layer.v1.tar") }
        return Array((#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":"#
            + descriptor(config, mediaType: "application/vnd.oci.image.config.v1+json")
            + #","layers":["# + layerDescriptors.joined(separator: ",") + "]}").utf8)
    }

    static func ociIndex(_ descriptors: [String]) -> [UInt8] {
        Array((#"{"schemaVersion":2,"manifests":["# + descriptors.joined(separator: ",") + "]}").utf8)
    }

    static func manifestDescriptor(_ manifest: [UInt8], reference: String? = "localhost/tool:1", platform: String? = nil) -> String {
        let annotation = reference.map { #","annotations":{"org.opencontainers.image.ref.name":"\#($0)"}"# } ?? ""
        let placed = platform.map { #","platform":{"architecture":"\#($0.split(separator: "/")[1])","os":"\#($0.split(separator: "/")[0])"}"# } ?? ""
        return descriptor(manifest, mediaType: "application/vnd.oci.image.manifest.v1+json", extra: annotation + placed)
    }

    static func blob(_ bytes: [UInt8]) -> Member { ("blobs/sha256/" + hex(bytes), bytes) }

    static let layout: Member = ("oci-layout", Array(#"{"imageLayoutVersion": "1.0.0"}"#.utf8))

    /// `podman save --format oci-archive`: blobs (layers, config, manifest), `index.json`, `oci-layout`.
    static func oci(config: [UInt8] = config, layers: [[UInt8]] = [layer]) -> [Member] {
        let manifest = ociManifest(config: config, layers: layers)
        return layers.map(blob) + [blob(config), blob(manifest), ("index.json", ociIndex([manifestDescriptor(manifest)])), layout]
    }
}
