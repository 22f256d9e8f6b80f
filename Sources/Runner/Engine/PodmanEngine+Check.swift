import ChildProcesses
import Foundation

extension PodmanEngine {
    /// For `arbiter doctor`: loads a trivial image made from this host's `/bin/busybox` (`BusyboxImage`), runs it once
    /// under the settings and small limits, and returns every problem in plain words (empty: the engine works here).
    public func check() async -> [String] {
        do {
            _ = try ChildProcess.resolve(settings.podman)
        } catch {
            return ["podman is not installed or not executable (podman: \"\(settings.podman)\"): \(error)"]
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-doctor-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reference: String
        do {
            try FileManager.default.createDirectory(atPath: folder + "/output", withIntermediateDirectories: true)
            try BusyboxImage(script: "", reference: "localhost/arbiter-doctor-busybox:1").write(to: folder + "/image.tar")
            reference = try await load(archive: folder + "/image.tar")
        } catch {
            return ["cannot load a trivial image made from /bin/busybox: \(error)"]
        }
        let problems = await checkRun(reference, outputFolder: folder + "/output")
        try? await removeImage(reference)
        return problems
    }

    private func checkRun(_ image: String, outputFolder: String) async -> [String] {
        let invocation = ContainerInvocation(
            name: "arbiter-doctor-\(UUID().uuidString.prefix(12).lowercased())", labels: ["arbiter.doctor": "1"],
            image: image, command: ["sh", "-c", "echo arbiter-ok > /output/ok && echo arbiter-ok"],
            outputFolder: outputFolder,
            limits: ContainerLimits(
                wallSeconds: 60, memoryBytes: 64 << 20, cpus: 1, processes: 32, outputBytes: 1 << 20, tmpBytes: 1 << 20))
        do {
            let outcome = try await run(invocation)
            let log = String(decoding: outcome.log, as: UTF8.self)
            guard outcome.ending == .exited(code: 0), log.contains("arbiter-ok") else {
                return ["a trivial container ended \(outcome.ending) instead of exiting 0; its output: \(log.prefix(2000))"]
            }
            guard FileManager.default.fileExists(atPath: outputFolder + "/ok") else {
                return ["a trivial container could not write its output folder (/output)"]
            }
            return []
        } catch {
            return ["a trivial container could not run (check the settings' global-options and run-options): \(error)"]
        }
    }
}
