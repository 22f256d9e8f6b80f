import ChildProcesses
import Foundation
import Testing
@testable import Runner

/// What the container tests share: the host's engine settings, a tiny busybox image imported once per test process,
/// fresh folders, and limits generous enough for busybox.
enum PodmanTestHost {
    /// Whether the container tests run: podman is installed, or CI demands them (`ARBITER_TEST_REQUIRE_PODMAN=1`, so a
    /// missing podman fails them instead of skipping them).
    static let shouldRun: Bool = {
        ProcessInfo.processInfo.environment["ARBITER_TEST_REQUIRE_PODMAN"] == "1"
            || (try? ChildProcess.resolve(settingsOrDefault.podman)) != nil
    }()

    static let skipReason: Comment =
        "podman is not installed here; set ARBITER_TEST_REQUIRE_PODMAN=1 to make its absence a failure"

    /// `ARBITER_TEST_PODMAN_CONFIG`, else the repository's `deploy/podman/runner.yaml`.
    static var settingsPath: String {
        if let path = ProcessInfo.processInfo.environment["ARBITER_TEST_PODMAN_CONFIG"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/podman/runner.yaml").path
    }

    static func settings() throws -> ContainerEngineSettings { try ContainerEngineSettings.load(path: settingsPath) }

    private static var settingsOrDefault: ContainerEngineSettings { (try? settings()) ?? ContainerEngineSettings() }

    static func engine(logLimit: Int = 1 << 20) throws -> PodmanEngine {
        PodmanEngine(settings: try settings(), logLimit: logLimit)
    }

    static let imageReference = "localhost/arbiter-test-busybox:1"

    /// Loaded once per test process from an archive made here (`BusyboxImage`), then shared.
    private static let importedImage = Task<String, any Error> {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let archive = folder + "/image.tar"
        try BusyboxImage(script: "", reference: imageReference).write(to: archive)
        return try await PodmanTestHost.engine().load(archive: archive)
    }

    /// The busybox image's id, `sha256:…`.
    static func image() async throws -> String { try await importedImage.value }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-runner-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func limits(wallSeconds: Double = 60, memoryBytes: Int64 = 128 << 20, outputBytes: Int64 = 16 << 20)
        -> ContainerLimits
    {
        ContainerLimits(
            wallSeconds: wallSeconds, memoryBytes: memoryBytes, cpus: 1, processes: 64, outputBytes: outputBytes,
            tmpBytes: 16 << 20)
    }

    /// An invocation of the busybox image running `sh -c script`, with a fresh output folder and a unique name and
    /// label value (`arbiter.test`).
    static func invocation(_ script: String, limits: ContainerLimits = limits(), mounts: [ContainerMount] = [])
        async throws -> ContainerInvocation
    {
        let unique = UUID().uuidString.prefix(12).lowercased()
        return ContainerInvocation(
            name: "arbiter-test-\(unique)", labels: ["arbiter.test": String(unique)], image: try await image(),
            command: ["sh", "-c", script], mounts: mounts, outputFolder: try temporaryFolder(), limits: limits)
    }

    /// Ids of containers, running or not, labelled `arbiter.test=value`.
    static func containers(labelled value: String) async throws -> [String] {
        let listed = try await engine().listing(["ps", "--all", "--quiet", "--filter", "label=arbiter.test=\(value)"])
        return listed.outputText.split(whereSeparator: \.isNewline).map(String.init)
    }
}

extension ContainerRunOutcome {
    var logText: String { String(decoding: log, as: UTF8.self) }
}
