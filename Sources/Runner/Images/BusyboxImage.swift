import Evaluation
import Foundation
import Intake
import Store

/// Packs a one-layer container image around a static busybox and a shell script, as the archive `docker save` writes
/// (`manifest.json`, the config named by its digest, the layer): the demo challenges' "models" and the runner's tests
/// are built with it, on hosts with no registry and no image builder. The entry point is `/bin/sh /model.sh`.
public struct BusyboxImage: Sendable {
    /// Applets linked in `/bin`, so scripts call them by name.
    static let applets = ["sh", "cat", "echo", "sleep", "dd", "head", "tail", "ls", "mkdir", "cp", "mv", "rm", "awk", "sed", "grep",
                          "wc", "tr", "cut", "printf", "touch", "wget", "nc", "id", "test", "seq", "env", "true", "false", "find", "yes"]

    public let busybox: String
    public let script: String
    public let reference: String

    /// `busybox`: a static busybox binary (Debian's `busybox-static` installs `/bin/busybox`).
    public init(busybox: String = "/bin/busybox", script: String, reference: String) {
        self.busybox = busybox
        self.script = script
        self.reference = reference
    }

    /// Writes the archive and returns the image id (`sha256:` of the config), as `podman load` will report it.
    @discardableResult
    public func write(to path: String) throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-image-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let layer = scratch + "/layer.tar"
        let writer = try TarWriter(path: layer)
        try writer.appendFolder("bin")
        try writer.append(file: busybox, as: "bin/busybox", mode: 0o755)
        for applet in Self.applets { try writer.appendSymlink("bin/" + applet, target: "busybox") }
        for folder in ["input", "output", "tmp", "code"] { try writer.appendFolder(folder) }
        try writer.append(bytes: Array(script.utf8), as: "model.sh", mode: 0o755)
        try writer.finish()
        let layerDigest = try ContentDigest.sha256(ofFile: URL(fileURLWithPath: layer))
        let config: [String: Any] = [
            "architecture": SubmissionIntake.hostArchitecture, "os": "linux",
            "config": ["Entrypoint": ["/bin/sh", "/model.sh"], "Env": ["PATH=/bin"], "WorkingDir": "/"],
            "rootfs": ["type": "layers", "diff_ids": ["sha256:" + layerDigest]],
        ]
        let configBytes = [UInt8](try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]))
        let configDigest = ContentDigest.sha256(configBytes)
        let manifest: [[String: Any]] = [["Config": configDigest + ".json", "RepoTags": [reference], "Layers": [layerDigest + "/layer.tar"]]]
        let archive = try TarWriter(path: path)
        try archive.appendFolder(layerDigest)
        try archive.append(file: layer, as: layerDigest + "/layer.tar")
        try archive.append(bytes: configBytes, as: configDigest + ".json")
        try archive.append(bytes: [UInt8](try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])), as: "manifest.json")
        try archive.finish()
        return "sha256:" + configDigest
    }
}
