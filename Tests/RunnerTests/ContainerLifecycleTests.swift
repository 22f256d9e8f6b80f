import Foundation
import Testing
@testable import Runner

/// Images come and go, containers never outlive their run, and the engine can check itself.
@Suite("Container lifecycle", .serialized, .enabled(if: PodmanTestHost.shouldRun, PodmanTestHost.skipReason))
struct ContainerLifecycleTests {
    @Test func containerIsRemovedAfterARunAndAfterATimeout() async throws {
        let engine = try PodmanTestHost.engine()
        let finished = try await PodmanTestHost.invocation("true")
        _ = try await engine.run(finished)
        let killed = try await PodmanTestHost.invocation("sleep 600", limits: PodmanTestHost.limits(wallSeconds: 1))
        #expect(try await engine.run(killed).ending == .timedOut(seconds: 1))
        for invocation in [finished, killed] {
            #expect(try await PodmanTestHost.containers(labelled: invocation.labels["arbiter.test"]!).isEmpty)
        }
    }

    @Test func cancelledRunKillsAndRemovesItsContainer() async throws {
        let invocation = try await PodmanTestHost.invocation("sleep 600")
        let engine = try PodmanTestHost.engine()
        let run = Task { try await engine.run(invocation) }
        // Wait until the container runs, then cancel.
        while try await PodmanTestHost.containers(labelled: invocation.labels["arbiter.test"]!).isEmpty {
            try await Task.sleep(for: .milliseconds(50))
        }
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(try await PodmanTestHost.containers(labelled: invocation.labels["arbiter.test"]!).isEmpty)
    }

    @Test func removeContainersRemovesARunningOrphan() async throws {
        let engine = try PodmanTestHost.engine()
        let value = UUID().uuidString.lowercased()
        let settings = engine.settings
        _ = try await engine.podman(
            ["run", "--detach", "--label", "arbiter.test=\(value)"] + settings.runOptions
                + PodmanCreateArguments.confinement(user: settings.user) + [try await PodmanTestHost.image(), "sleep", "600"])
        #expect(try await PodmanTestHost.containers(labelled: value).count == 1)
        try await engine.removeContainers(labelled: "arbiter.test", value: value)
        #expect(try await PodmanTestHost.containers(labelled: value).isEmpty)
    }

    @Test func loadedArchiveGivesTheImageIDAndRunsByIt() async throws {
        let engine = try PodmanTestHost.engine()
        let folder = try PodmanTestHost.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try await engine.podman(["save", "--output", folder + "/image.tar", PodmanTestHost.imageReference])
        let id = try await engine.load(archive: folder + "/image.tar")
        let expected = try await PodmanTestHost.image()
        #expect(id == expected)
        #expect(id.hasPrefix("sha256:") && id.count == 71)
        #expect(try await engine.imageExists(id))
        var invocation = try await PodmanTestHost.invocation("echo by-id")
        invocation.image = id
        let outcome = try await engine.run(invocation)
        #expect(outcome.ending == .exited(code: 0))
        #expect(outcome.logText == "by-id\n")
    }

    @Test func unknownImageDoesNotExistAndRemovingItIsFine() async throws {
        let engine = try PodmanTestHost.engine()
        let unknown = "sha256:" + String(repeating: "0", count: 64)
        #expect(try await engine.imageExists(unknown) == false)
        try await engine.removeImage(unknown)
    }

    @Test func checkFindsNoProblemsOnThisHost() async throws {
        let problems = try await PodmanTestHost.engine().check()
        #expect(problems == [])
    }

    @Test func checkSaysWhenPodmanIsMissing() async throws {
        var settings = try PodmanTestHost.settings()
        settings.podman = "/nonexistent/podman"
        let problems = await PodmanEngine(settings: settings).check()
        #expect(problems.count == 1)
        #expect(problems.first?.contains("/nonexistent/podman") == true)
    }
}
