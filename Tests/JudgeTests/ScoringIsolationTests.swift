import Foundation
import Judge
import PlatformSupport
import Store
import Testing

/// A scorer that crashes or hangs on a file must fail that file's job only, and the judge must go on.
@Suite("Scoring isolation")
struct ScoringIsolationTests {
    func judge(_ platform: Platform, child: ChildScoring) -> Judge {
        var judge = Judge(store: platform.store, worker: "parent", clock: { Platform.opens.addingTimeInterval(3600) })
        judge.isolation = .childProcess(child)
        return judge
    }

    @Test func scorerThatTrapsFailsEachJobAloneAndTheJudgeGoesOn() async throws {
        let platform = try Platform()
        let first = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1))
        let second = try #require(try platform.submit(try platform.addTeam("bravo"), [0, 0, 0, 0, 0, 0], at: 2))
        // Dies of SIGILL, as a Swift trap does; the arguments the judge appends are ignored.
        let trapping = ChildScoring(command: ["/bin/sh", "-c", "kill -ILL $$", "scorer"], memoryLimitBytes: nil, secondsPerJob: 60)
        let report = try await judge(platform, child: trapping).drain()
        #expect(report.failed == 2)
        for id in [first.id, second.id] {
            let stored = try platform.store.submission(id)
            #expect(stored.status == .failed)
            #expect(stored.failure == JobFailure.scorerCrashed.teamMessage)
        }
        let reasons = try platform.store.failedJobs().compactMap(\.reason)
        #expect(reasons.count == 2)
        #expect(reasons.allSatisfy { $0.contains("signalled(4)") })
    }

    @Test func scorerPastItsTimeLimitIsKilledAndItsJobFails() async throws {
        let platform = try Platform()
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1))
        let hanging = ChildScoring(command: ["/bin/sh", "-c", "exec sleep 600", "scorer"], memoryLimitBytes: nil, secondsPerJob: 0.2)
        let report = try await judge(platform, child: hanging).drain()
        #expect(report.failed == 1)
        #expect(try platform.store.submission(submission.id).failure == JobFailure.timeLimit.teamMessage)
    }

    @Test func childThatExitsWithItsOwnErrorLeavesTheJobForItsLease() async throws {
        let platform = try Platform()
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1))
        let broken = ChildScoring(command: ["/bin/sh", "-c", "exit 3", "scorer"], memoryLimitBytes: nil, secondsPerJob: 60)
        await #expect(throws: JudgeError.self) { try await judge(platform, child: broken).drain() }
        #expect(try platform.store.submission(submission.id).status == .scoring)
        #expect(try platform.store.failedJobs().isEmpty)
    }

    @Test func childAnswersAreTakenAsTheBatchOutcomes() async throws {
        let platform = try Platform()
        try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1)
        // A stand-in child that answers for the job it was handed ("--worker W --claimed ID:SUB:ATTEMPT").
        let answering = ChildScoring(command: ["/bin/sh", "-c", "echo \"${4%%:*} already-recorded\"", "scorer"],
                                     memoryLimitBytes: nil, secondsPerJob: 60)
        let report = try await judge(platform, child: answering).drain()
        #expect(report.alreadyRecorded == 1)
    }
}
