import ChildProcesses
import Foundation

extension PodmanEngine {
    /// Runs one container to its end under the invocation's limits and returns how it ended, with its capped log.
    ///
    /// The container is created (`podman create`, never pulled), initialised (so its cgroup exists and can be
    /// watched from the first instant), then started attached. While it runs the engine checks the wall-clock limit
    /// and the size of `/output` about every 100 ms, and kills the container at the first limit passed; the cgroup's
    /// memory high-water mark and OOM kills are read every 20 ms (`CgroupMemory`). The container is always removed afterwards, also when this task is cancelled (then
    /// `CancellationError` is thrown) or an error is thrown.
    public func run(_ invocation: ContainerInvocation) async throws -> ContainerRunOutcome {
        let arguments = try PodmanCreateArguments.make(invocation, settings: settings)
        try giveOutputFolder(invocation.outputFolder)
        let scratch = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let id = try await podman(arguments).outputText.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let outcome = try await supervise(id, invocation, scratch: scratch)
            await removeContainer(id)
            return outcome
        } catch {
            await removeContainer(id)
            throw error
        }
    }

    /// A fresh private folder for conmon's working directory: conmon (started by `podman init`) writes an empty
    /// file `oom` into its working directory when the OOM killer acts in the container's cgroup, and on this
    /// podman nowhere podman itself looks (so `State.OOMKilled` stays false). Started here, it neither litters the
    /// runner's own folder nor goes unread.
    private func scratchFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-podman-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// Why the engine stopped a container before it ended by itself.
    private enum Stop {
        case timedOut, outputTooLarge(Int64), cancelled
    }

    private func supervise(
        _ id: String, _ invocation: ContainerInvocation, scratch: String
    ) async throws -> ContainerRunOutcome {
        try Task.checkCancellation()
        _ = try await podman(["init", id], in: scratch)
        let pid = try await podman(["inspect", "--format", "{{.State.Pid}}", id]).outputText
        let memory = CgroupMemory(pid: Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
        memory.watch()
        defer { memory.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let elapsed = { (clock.now - start) / .seconds(1) }
        let attach = try ChildProcess(
            settings.podman, settings.globalOptions + ["start", "--attach", id], outputLimit: logLimit, errors: .mergedIntoOutput)
        var stop: Stop?
        while stop == nil {
            if await attach.waitForEnd(upTo: min(0.1, invocation.limits.wallSeconds - elapsed())) { break }
            stop = watch(invocation, elapsed: elapsed())
        }
        if stop != nil { _ = try? await podman(["kill", "--signal", "KILL", id]) }
        let log = await attach.result()
        let duration = elapsed()
        memory.stop()
        if case .cancelled? = stop { throw CancellationError() }
        let output = OutputFolderSize.measure(invocation.outputFolder)
        let conmonSawOOM = FileManager.default.fileExists(atPath: scratch + "/oom")
        let ending = try await ending(
            id, attached: log, stop: stop, output: output, oomEvidence: conmonSawOOM || ranOutOfMemory(memory, limit: invocation.limits.memoryBytes),
            limits: invocation.limits)
        return ContainerRunOutcome(
            ending: ending, durationSeconds: duration, peakMemoryBytes: memory.peakBytes, log: log.output,
            logTruncated: log.outputTruncated, outputBytes: output.bytes)
    }

    /// How the run ended: the engine's reason to stop it, else too much output, else what podman and the cgroup say.
    private func ending(
        _ id: String, attached: ChildProcess.Result, stop: Stop?, output: OutputFolderSize, oomEvidence: Bool, limits: ContainerLimits
    ) async throws -> ContainerEnding {
        switch stop {
        case .timedOut?: return .timedOut(seconds: limits.wallSeconds)
        case .outputTooLarge(let bytes)?: return .outputTooLarge(bytes: max(bytes, output.bytes))
        default: break
        }
        if output.bytes > limits.outputBytes || output.tooManyEntries { return .outputTooLarge(bytes: output.bytes) }
        // `podman start --attach` exits with the container's status: podman is asked again only when the status may be
        // its own (125 to 127) or a kill (137, where OOMKilled may say why), one call less for an ordinary run.
        if !attached.signalled, !(125...127).contains(attached.status), attached.status != 137 {
            return .exited(code: attached.status)
        }
        let state = try await podman(["inspect", "--format", "{{.State.ExitCode}} {{.State.OOMKilled}}", id]).outputText
            .split(whereSeparator: \.isWhitespace)
        guard let exitCode = state.first.flatMap({ Int32($0) }) else {
            throw ContainerEngineError(
                command: [settings.podman, "inspect", id], status: 0, message: "no exit code in \(state)")
        }
        let oomKilled = state.count > 1 && state[1] == "true"
        if oomKilled || (exitCode == 137 && oomEvidence) { return .outOfMemory }
        return .exited(code: exitCode)
    }

    /// The first limit the running container has passed, if any (or the caller's cancellation).
    private func watch(_ invocation: ContainerInvocation, elapsed: Double) -> Stop? {
        if Task.isCancelled { return .cancelled }
        if elapsed >= invocation.limits.wallSeconds { return .timedOut }
        let output = OutputFolderSize.measure(invocation.outputFolder)
        if output.bytes > invocation.limits.outputBytes || output.tooManyEntries { return .outputTooLarge(output.bytes) }
        return nil
    }

    /// Memory evidence for a container killed by SIGKILL that the engine did not kill (besides conmon's `oom` file):
    /// the cgroup's OOM killer acted, or its high-water mark reached the limit.
    private func ranOutOfMemory(_ memory: CgroupMemory, limit: Int64) -> Bool {
        memory.oomKills > 0 || (memory.peakBytes ?? 0) >= limit - limit / 20
    }

    /// Makes the (empty) output folder writable by the container's user: owned by its uid and gid when those are
    /// numbers and the runner may give files away, else open to everyone (the folder is the run's own).
    func giveOutputFolder(_ folder: String) throws {
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw ContainerEngineError.refused("the output folder \(folder) is not a folder")
        }
        let ids = settings.user.split(separator: ":").map { UInt32($0) }
        if let uid = ids.first ?? nil, chown(folder, uid, (ids.count > 1 ? ids[1] : nil) ?? uid) == 0 { return }
        guard chmod(folder, 0o777) == 0 else {
            throw ContainerEngineError.refused("cannot make the output folder \(folder) writable: \(String(cString: strerror(errno)))")
        }
    }

    /// `podman rm --force`; a failure is left to `removeContainers(labelled:value:)`, which finds orphans by label.
    func removeContainer(_ id: String) async {
        _ = try? await podman(["rm", "--force", "--ignore", "--time", "0", id])
    }
}
