import Foundation
import PlatformSupport
import Store
import Testing

/// Limits are decided inside the store's write, so no number of parallel uploads can pass them.
@Suite("Store conformance: submission limits")
struct SubmissionLimitConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func twelveParallelSubmissionsAgainstALimitOfThreeAcceptExactlyThree(_ adapter: StoreAdapter) async throws {
        let platform = try Platform(adapter: adapter, limits: "{ per-period: 3, period: 1d }")
        _ = try platform.addTeam("alpha")
        let team = try platform.store.team(try platform.store.challenge("small"), named: "alpha")
        let phase = try platform.phase()
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for attempt in 0..<12 {
                group.addTask {
                    let file = AcceptedFile(fileName: "p\(attempt).csv", sha256: String(repeating: "a", count: 64), byteCount: 10)
                    return (try? platform.store.acceptSubmission(file, phase: phase, team: team, challenge: "small",
                                                                 now: platform.at(Double(attempt)))) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 3)
        #expect(try platform.store.submissions(phase: phase, team: team).count == 3)
        #expect(try platform.store.pendingJobCount() == 3)
    }

    @Test(arguments: StoreAdapter.all)
    func refusalSaysWhenTheNextSubmissionIsAllowed(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter, limits: "{ per-period: 1, period: 1d }")
        let token = try platform.addTeam("alpha")
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 60)
        let team = try platform.store.team(try platform.store.challenge("small"), named: "alpha")
        #expect {
            try platform.store.checkLimits(phase: try platform.phase(), team: team, now: platform.at(120))
        } throws: { error in
            (error as? LimitRefusal)?.nextAllowedAt == platform.at(60 + 86_400)
        }
    }

    @Test(arguments: StoreAdapter.all)
    func finalEntryChosenByParallelRequestsIsExactlyOne(_ adapter: StoreAdapter) async throws {
        let platform = try Platform(adapter: adapter, limits: "{ total: 100 }", finalEntry: "team-choice")
        let token = try platform.addTeam("alpha")
        var ids: [Int64] = []
        for index in 0..<8 { ids.append(try #require(try platform.submit(token, [0, 1, 2, 0, 1, 2], at: Double(index))).id) }
        let team = try platform.store.team(try platform.store.challenge("small"), named: "alpha")
        let store = platform.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, id) in ids.enumerated() {
                group.addTask { try store.chooseFinal(id, team: team, challenge: "small", now: platform.at(100 + Double(index))) }
            }
            try await group.waitForAll()
        }
        let chosen = try platform.store.submissions(phase: try platform.phase(), team: team).filter { $0.chosenAt != nil }
        #expect(chosen.count == 1)
    }

    @Test(arguments: StoreAdapter.all)
    func choosingAnotherFinalEntryUnmarksTheFirst(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter, limits: "{ total: 100 }", finalEntry: "team-choice")
        let token = try platform.addTeam("alpha")
        let first = try #require(try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 1))
        let second = try #require(try platform.submit(token, [0, 1, 2, 0, 1, 1], at: 2))
        let team = try platform.store.team(try platform.store.challenge("small"), named: "alpha")
        try platform.store.chooseFinal(first.id, team: team, challenge: "small", now: platform.at(10))
        try platform.store.chooseFinal(second.id, team: team, challenge: "small", now: platform.at(20))
        #expect(try platform.store.submission(first.id).chosenAt == nil)
        #expect(try platform.store.submission(second.id).chosenAt == platform.at(20))
    }
}
