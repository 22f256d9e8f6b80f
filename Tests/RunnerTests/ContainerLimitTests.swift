import Foundation
import Testing
@testable import Runner

/// Each limit stops a container that passes it, and says which one.
@Suite("Container limits", .serialized, .enabled(if: PodmanTestHost.shouldRun, PodmanTestHost.skipReason))
struct ContainerLimitTests {
    @Test func writingPastTheOutputCapStopsTheRun() async throws {
        // Files of 256 KiB each stay under the per-file bound (ulimit fsize); their total passes the 1 MiB cap.
        let script = "i=0; while [ $i -lt 64 ]; do dd if=/dev/zero of=/output/part$i bs=64k count=4 2>/dev/null; i=$((i+1)); done; sleep 60"
        let invocation = try await PodmanTestHost.invocation(script, limits: PodmanTestHost.limits(outputBytes: 1 << 20))
        let outcome = try await PodmanTestHost.engine().run(invocation)
        guard case .outputTooLarge(let bytes) = outcome.ending else {
            Issue.record("ended \(outcome.ending), expected outputTooLarge")
            return
        }
        #expect(bytes > 1 << 20)
        #expect(outcome.durationSeconds < 30)
    }

    @Test func aSingleFileCannotGrowPastTheOutputCap() async throws {
        let script = "dd if=/dev/zero of=/output/big bs=64k count=64 2>/dev/null; echo $?"
        let invocation = try await PodmanTestHost.invocation(script, limits: PodmanTestHost.limits(outputBytes: 1 << 20))
        let outcome = try await PodmanTestHost.engine().run(invocation)
        #expect(outcome.ending == .exited(code: 0))
        #expect(outcome.outputBytes == 1 << 20)
        #expect(outcome.logText != "0\n")
    }

    @Test func sleepingContainerIsKilledAtItsTimeLimit() async throws {
        let invocation = try await PodmanTestHost.invocation("sleep 600", limits: PodmanTestHost.limits(wallSeconds: 2))
        let outcome = try await PodmanTestHost.engine().run(invocation)
        #expect(outcome.ending == .timedOut(seconds: 2))
        // Killed, not finished: far below the 600 s it asked for. The bound leaves room for podman on a busy machine,
        // which takes seconds to start and stop a container (6 s was exceeded under parallel builds).
        #expect(outcome.durationSeconds >= 2 && outcome.durationSeconds < 60, "took \(outcome.durationSeconds) s")
    }

    @Test func fillingMemoryPastTheLimitIsOutOfMemory() async throws {
        // tmpfs pages count against the container's memory cgroup: 100 MiB into a 128 MiB /tmp under a 32 MiB limit
        // (with an output cap, hence a per-file bound, above that).
        var limits = PodmanTestHost.limits(memoryBytes: 32 << 20, outputBytes: 256 << 20)
        limits.tmpBytes = 128 << 20
        let script = "exec dd if=/dev/zero of=/tmp/fill bs=1M count=100"
        let outcome = try await PodmanTestHost.engine().run(try await PodmanTestHost.invocation(script, limits: limits))
        #expect(outcome.ending == .outOfMemory, "\(outcome.logText)")
        #expect((outcome.peakMemoryBytes ?? 0) > 16 << 20, "peak \(String(describing: outcome.peakMemoryBytes))")
    }

    @Test func aSmallRunReportsItsPeakMemory() async throws {
        let outcome = try await PodmanTestHost.engine().run(try await PodmanTestHost.invocation("sleep 0.3"))
        #expect(outcome.ending == .exited(code: 0))
        let peak = try #require(outcome.peakMemoryBytes)
        #expect(peak > 0 && peak < 128 << 20)
    }

    @Test func logIsCappedAtTheLogLimit() async throws {
        let script = "dd if=/dev/zero bs=1M count=5 2>/dev/null; echo finished >&2"
        let outcome = try await PodmanTestHost.engine().run(try await PodmanTestHost.invocation(script))
        #expect(outcome.ending == .exited(code: 0))
        #expect(outcome.log.count == 1 << 20)
        #expect(outcome.logTruncated)
    }

    @Test func askingForMoreGPUsThanTheHostOffersIsRefused() async throws {
        var limits = PodmanTestHost.limits()
        limits.gpus = 1
        let invocation = try await PodmanTestHost.invocation("true", limits: limits)
        let error = await #expect(throws: ContainerEngineError.self) { try await PodmanTestHost.engine().run(invocation) }
        #expect(error?.description.contains("GPU") == true)
    }
}
