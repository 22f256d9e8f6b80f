import Foundation
import Yams

/// How to call the container engine on this host: which `podman`, with which global and run options, as which user, with
/// which GPUs. Read from a YAML file (`deploy/podman/runner.yaml`); these are facts about the host, never code.
public struct ContainerEngineSettings: Sendable, Equatable {
    /// The podman executable: a path, or a name looked up on `PATH`.
    public var podman: String
    /// Options before the subcommand, e.g. `["--runtime", "runc", "--cgroup-manager", "cgroupfs"]`.
    public var globalOptions: [String]
    /// Options added to every container, e.g. `["--ulimit", "nofile=1024:1024"]`. The engine's own limits and
    /// confinement come after them, so these cannot loosen what the engine sets.
    public var runOptions: [String]
    /// The non-root `uid:gid` the container runs as, whatever the image says.
    public var user: String
    /// CDI device names this host offers, e.g. `["nvidia.com/gpu=0"]`; a run asking for n GPUs gets the first n.
    public var gpuDevices: [String]

    /// Settings with podman's defaults: `podman` on `PATH`, no extra options, user nobody, no GPUs.
    public init(
        podman: String = "podman", globalOptions: [String] = [], runOptions: [String] = [], user: String = "65534:65534",
        gpuDevices: [String] = []
    ) {
        self.podman = podman
        self.globalOptions = globalOptions
        self.runOptions = runOptions
        self.user = user
        self.gpuDevices = gpuDevices
    }

    /// Reads settings from a YAML mapping with the keys `podman`, `global-options`, `run-options`, `user` and
    /// `gpu-devices`, each optional; an unknown key or a value of the wrong kind is an error naming the key and line.
    public static func load(path: String) throws -> ContainerEngineSettings {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ContainerSettingsError(file: path, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        return try parse(text, file: path)
    }

    /// Reads settings from YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> ContainerEngineSettings {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ContainerSettingsError(file: file, line: error.located?.line, message: "YAML syntax: \(error.located?.problem ?? "\(error)")")
        }
        var settings = ContainerEngineSettings()
        guard let root else { return settings }
        guard case .mapping(let mapping) = root else {
            throw ContainerSettingsError(file: file, line: root.mark.map { $0.line }, message: "expected a mapping of settings")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let field = SettingsField(file: file, key: key, node: value, keyLine: keyNode.mark?.line)
            switch key {
            case "podman": settings.podman = try field.string()
            case "global-options": settings.globalOptions = try field.strings()
            case "run-options":
                settings.runOptions = try field.strings()
                if let widening = settings.runOptions.first(where: { Self.wideningOptions.contains($0.split(separator: "=")[0].lowercased()) }) {
                    throw field.error("\"\(widening)\" would loosen the confinement every container gets; it is not allowed here")
                }
            case "user": settings.user = try field.string()
            case "gpu-devices": settings.gpuDevices = try field.strings()
            default:
                throw field.error(
                    "unknown key \"\(key)\"; expected one of: global-options, gpu-devices, podman, run-options, user")
            }
        }
        return settings
    }
}

extension ContainerEngineSettings {
    /// Run options that would widen what a container may do (or where it may write); refused in `run-options`.
    static let wideningOptions: Set<String> = [
        "--privileged", "--cap-add", "--network", "--net", "--pid", "--ipc", "--uts", "--userns", "--volume", "-v",
        "--mount", "--device", "--volumes-from", "--group-add", "--security-opt", "--systemd", "--rm",
    ]
}

/// A value under one key of the settings file, read as the type its key wants.
private struct SettingsField {
    let file: String
    let key: String
    let node: Node
    let keyLine: Int?

    func error(_ message: String) -> ContainerSettingsError {
        ContainerSettingsError(file: file, line: keyLine, message: "\(key): \(message)")
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected a non-empty string") }
        return scalar.string
    }

    func strings() throws -> [String] {
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null"].contains(scalar.string) { return [] }
        guard case .sequence(let sequence) = node else { throw error("expected a list of strings") }
        return try sequence.map { element in
            guard case .scalar(let scalar) = element else { throw error("expected a list of strings") }
            return scalar.string
        }
    }
}

private extension YamlError {
    /// The problem and its line, for the errors that have them (not the whole document the error carries).
    var located: (line: Int, problem: String)? {
        switch self {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _): (mark.line, problem)
        default: nil
        }
    }
}
