import Foundation

/// The arguments of `podman create` for one invocation: the confinement every participant's container gets, then the
/// invocation's limits, mounts and environment. Pure, so it can be checked without podman; refuses what it cannot
/// pass safely (a path with `,` or `:`, an environment name with `=`, more GPUs than the host offers).
enum PodmanCreateArguments {
    static func make(_ invocation: ContainerInvocation, settings: ContainerEngineSettings) throws -> [String] {
        let limits = invocation.limits
        try check(limits)
        var arguments = ["create"] + settings.runOptions
        arguments += confinement(user: settings.user)
        arguments += ["--name", invocation.name]
        for (key, value) in invocation.labels.sorted(by: { $0.key < $1.key }) {
            guard !key.isEmpty, !key.contains("="), !"\(key)\(value)".contains(where: \.isNewline) else {
                throw ContainerEngineError.refused("label \"\(key)\" is empty or holds = or a line break")
            }
            arguments += ["--label", "\(key)=\(value)"]
        }
        arguments += [
            "--pids-limit", "\(limits.processes)",
            "--memory", "\(limits.memoryBytes)", "--memory-swap", "\(limits.memoryBytes)",
            "--cpus", "\(limits.cpus)",
            // `U` gives the tmpfs to the container's user: runc keeps the image's mode for /tmp (0755 in some images).
            "--tmpfs", "/tmp:rw,size=\(limits.tmpBytes),mode=1777,U",
            "--ulimit", "fsize=\(limits.outputBytes)",
        ]
        arguments += try mounts(invocation)
        arguments += try devices(limits.gpus, offered: settings.gpuDevices)
        arguments += try environment(invocation.environment)
        if let command = invocation.command, let program = command.first {
            // The image's entry point is replaced by the command's program (podman reads a JSON array here).
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            let entryPoint = String(decoding: try encoder.encode([program]), as: UTF8.self)
            arguments += ["--entrypoint", entryPoint, "--", invocation.image] + command.dropFirst()
        } else {
            arguments += ["--", invocation.image]
        }
        return arguments
    }

    /// What every container gets, whatever the image declares: no network, a read-only root with no extra tmpfs, no
    /// capabilities, no privilege gain, the configured non-root user, no anonymous volumes from the image's `VOLUME`,
    /// no pulling, no health check, no log file (the attached output is the log, read with a cap).
    static func confinement(user: String) -> [String] {
        [
            "--network", "none", "--read-only", "--read-only-tmpfs=false", "--cap-drop", "all",
            "--security-opt", "no-new-privileges", "--user", user, "--image-volume", "ignore", "--pull", "never",
            "--no-healthcheck", "--log-driver", "none",
        ]
    }

    private static func check(_ limits: ContainerLimits) throws {
        guard limits.wallSeconds > 0, limits.memoryBytes > 0, limits.cpus > 0, limits.processes > 0,
            limits.outputBytes > 0, limits.tmpBytes > 0, limits.gpus >= 0
        else { throw ContainerEngineError.refused("every limit must be positive (gpus at least 0): \(limits)") }
    }

    private static func mounts(_ invocation: ContainerInvocation) throws -> [String] {
        var arguments: [String] = []
        let output = ContainerMount(hostPath: invocation.outputFolder, containerPath: "/output", readOnly: false)
        for mount in invocation.mounts + [output] {
            for path in [mount.hostPath, mount.containerPath] {
                guard path.hasPrefix("/"), !path.contains(where: { $0 == "," || $0 == ":" || $0.isNewline }) else {
                    throw ContainerEngineError.refused(
                        "mount path \"\(path)\" must be absolute and contain no comma, colon or line break")
                }
            }
            let access = mount.readOnly ? ",readonly" : ""
            arguments += ["--mount", "type=bind,source=\(mount.hostPath),destination=\(mount.containerPath)\(access)"]
        }
        return arguments
    }

    private static func devices(_ gpus: Int, offered: [String]) throws -> [String] {
        guard gpus <= offered.count else {
            throw ContainerEngineError.refused(
                "the run asks for \(gpus) GPU(s) but this host's settings offer \(offered.count) (gpu-devices: \(offered))")
        }
        return offered.prefix(gpus).flatMap { ["--device", $0] }
    }

    private static func environment(_ variables: [String: String]) throws -> [String] {
        try variables.sorted(by: { $0.key < $1.key }).flatMap { name, value in
            guard !name.isEmpty, !name.contains("="), !name.contains(where: \.isNewline) else {
                throw ContainerEngineError.refused("environment variable name \"\(name)\" is empty or holds = or a line break")
            }
            return ["--env", "\(name)=\(value)"]
        }
    }
}
