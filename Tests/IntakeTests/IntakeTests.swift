import Challenge
import Foundation
import Intake
import PlatformSupport
import Store
import Testing

@Suite("Submission intake")
struct IntakeTests {
    @Test func acceptedSubmissionIsStoredDurablyAndQueued() throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        let submission = try #require(try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 60))
        #expect(submission.status == .queued)
        #expect(try platform.store.blobs.read(submission.fileSHA256) == Platform.predictions([0, 1, 2, 0, 1, 2]))
        #expect(try platform.store.pendingJobCount() == 1)
        #expect(try platform.store.auditLog().map(\.action).contains("submission.accepted"))
    }

    @Test func rejectedFileIsNotCountedAgainstTheLimit() throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        #expect(throws: IntakeError.self) { try platform.submit(token, [0, 1, 9, 0, 1, 2], at: 10) }
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 20)
        try platform.submit(token, [0, 1, 2, 0, 1, 1], at: 30)
        let phase = try platform.phase()
        let team = try #require(try platform.store.teams(challenge: platform.store.challenge("small")).first)
        #expect(try platform.store.submissions(phase: phase, team: team).count == 2)
        #expect(try platform.store.auditLog().map(\.action).filter { $0 == "submission.rejected" }.count == 1)
    }

    @Test func overThePeriodLimitTheRefusalSaysWhenTheNextSlotOpens() throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 100)
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 200)
        do {
            try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 300)
            Issue.record("a third submission within a day was accepted")
        } catch IntakeError.limitReached(let refusal) {
            #expect(refusal.nextAllowedAt == Platform.opens.addingTimeInterval(100 + 86_400))
            #expect(refusal.description.contains("2026-01-02T00:01:40Z"))
        }
        // One second after the first submission leaves the window, a slot is free again.
        #expect(try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 100 + 86_400 + 1) != nil)
    }

    @Test func totalLimitHasNoReopeningTime() throws {
        let platform = try Platform(limits: "{ total: 1 }")
        let token = try platform.addTeam("alpha")
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 1)
        do {
            try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 86_400 * 3)
            Issue.record("accepted past the total limit")
        } catch IntakeError.limitReached(let refusal) {
            #expect(refusal.nextAllowedAt == nil)
        }
    }

    @Test func parallelUploadsCannotExceedThePeriodLimit() async throws {
        let platform = try Platform(limits: "{ per-period: 3, period: 1d }")
        let token = try platform.addTeam("alpha")
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for attempt in 0..<12 {
                group.addTask { (try? platform.submit(token, [0, 1, 2, 0, 1, 2], at: Double(attempt))) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 3)
        #expect(try platform.store.pendingJobCount() == 3)
    }

    @Test func submissionOutsideThePhaseWindowIsRefused() throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        #expect(throws: IntakeError.self) { try platform.submit(token, [0, 1, 2, 0, 1, 2], at: -1) }
        #expect(throws: IntakeError.self) { try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 86_400 * 90) }
    }

    @Test func unknownTokenIsRefused() throws {
        let platform = try Platform()
        #expect(throws: IntakeError.self) { try platform.submit("arb_not-a-token", [0, 1, 2, 0, 1, 2], at: 1) }
    }

    @Test func dryRunValidatesWithoutStoringOrCounting() throws {
        let platform = try Platform(limits: "{ total: 1 }")
        let token = try platform.addTeam("alpha")
        let result = try platform.intake.submit(
            challenge: "small", phase: "final", token: token, fileName: "p.csv",
            bytes: Platform.predictions([0, 1, 2, 0, 1, 2]), now: Platform.opens.addingTimeInterval(1), dryRun: true)
        #expect(result == nil)
        #expect(try platform.store.pendingJobCount() == 0)
        #expect(try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 2) != nil)
    }

    @Test func tokensAreStoredOnlyAsDigests() throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        #expect(token.count == 68)
        let sqlite = try #require(platform.store as? SQLiteStore)
        let database = try Data(contentsOf: sqlite.dataDirectory.appendingPathComponent("arbiter.sqlite"))
        #expect(database.range(of: Data(token.utf8)) == nil)
        #expect(try platform.store.authenticate(token: token)?.team?.name == "alpha")
    }
}
