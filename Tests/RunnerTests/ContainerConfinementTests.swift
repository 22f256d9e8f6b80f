import Foundation
import Testing
@testable import Runner

/// What a participant's container cannot do: reach a network, write its inputs or its root, run as root.
@Suite("Container confinement", .serialized, .enabled(if: PodmanTestHost.shouldRun, PodmanTestHost.skipReason))
struct ContainerConfinementTests {
    @Test func commandWritesItsOutputFileAndExitsZeroWithItsLogCaptured() async throws {
        let invocation = try await PodmanTestHost.invocation("echo 0.75 > /output/predictions.csv && echo done")
        let outcome = try await PodmanTestHost.engine().run(invocation)
        #expect(outcome.ending == .exited(code: 0))
        let written = try String(contentsOfFile: invocation.outputFolder + "/predictions.csv", encoding: .utf8)
        #expect(written == "0.75\n")
        #expect(outcome.logText == "done\n")
        #expect(!outcome.logTruncated)
        #expect(outcome.outputBytes == 5)
    }

    @Test func networkAttemptsFailInsideAndOnlyLoopbackExists() async throws {
        let script = """
            wget -q -T 2 -O /tmp/page http://127.0.0.1:80/ && exit 10
            wget -q -T 2 -O /tmp/page http://1.1.1.1/ && exit 11
            echo probe | nc -w 2 1.1.1.1 80 && exit 12
            echo "interfaces: $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\n' ' ')"
            exit 0
            """
        let outcome = try await PodmanTestHost.engine().run(try await PodmanTestHost.invocation(script))
        #expect(outcome.ending == .exited(code: 0), "\(outcome.logText)")
        let interfaces = outcome.logText.split(separator: "\n").first { $0.hasPrefix("interfaces:") }
        #expect(interfaces?.split(separator: " ").dropFirst().map(String.init) == ["lo"], "\(outcome.logText)")
    }

    @Test func inputMountAndRootAreReadOnlyAndTheUserIsTheConfiguredOne() async throws {
        let inputs = try PodmanTestHost.temporaryFolder()
        try "truth".write(toFile: inputs + "/case.txt", atomically: true, encoding: .utf8)
        chmod(inputs, 0o777)
        let script = """
            cat /input/case.txt; echo
            touch /input/new 2>/dev/null && exit 10
            (echo changed > /input/case.txt) 2>/dev/null && exit 11
            touch /root-file 2>/dev/null && exit 12
            touch /bin/new 2>/dev/null && exit 13
            echo "user $(id -u):$(id -g)"
            """
        let mount = ContainerMount(hostPath: inputs, containerPath: "/input", readOnly: true)
        let outcome = try await PodmanTestHost.engine().run(try await PodmanTestHost.invocation(script, mounts: [mount]))
        #expect(outcome.ending == .exited(code: 0), "\(outcome.logText)")
        let user = try PodmanTestHost.settings().user
        #expect(outcome.logText == "truth\nuser \(user)\n", "\(outcome.logText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inputs) == ["case.txt"])
    }

    @Test func mountPathWithACommaIsRefusedBeforePodmanIsCalled() async throws {
        var invocation = try await PodmanTestHost.invocation("true")
        invocation.mounts = [ContainerMount(hostPath: "/tmp/a,readonly=false", containerPath: "/input")]
        await #expect(throws: ContainerEngineError.self) { try await PodmanTestHost.engine().run(invocation) }
    }
}
