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
}
