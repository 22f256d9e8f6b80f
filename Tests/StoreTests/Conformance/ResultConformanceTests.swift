import Challenge
import Foundation
import Judge
import PlatformSupport
import Store
import Testing

/// Results are keyed by (submission, scorer version, truth version), and leaderboard queries return only the splits
/// they are asked for.
@Suite("Store conformance: results")
struct ResultConformanceTests {
    /// A platform with one scored submission.
    private func scored(_ adapter: StoreAdapter) async throws -> (Platform, StoredSubmission) {
        let platform = try Platform(adapter: adapter)
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 2, 2], at: 1))
        let report = try await Judge(store: platform.store, clock: { platform.at(100) }).drain()
        #expect(report.scored == 1)
        return (platform, submission)
    }

    @Test(arguments: StoreAdapter.all)
    func scoringTheSameSubmissionAgainWritesItsResultOnce(_ adapter: StoreAdapter) async throws {
        let (platform, submission) = try await scored(adapter)
        let before = try platform.store.aggregates(submissionID: submission.id, splits: [.public, .private])
        #expect(try platform.store.requeue(challenge: try platform.store.challenge("small"), phase: "final", now: platform.at(200)) == 1)
        let report = try await Judge(store: platform.store, clock: { platform.at(300) }).drain()
        #expect(report.alreadyRecorded == 1)
        let counts = try #require(try platform.store.jobAndEvaluationCounts()[submission.id])
        #expect(counts.jobs == 2)
        #expect(counts.evaluations == 1)
        #expect(try platform.store.aggregates(submissionID: submission.id, splits: [.public, .private]) == before)
    }

    @Test(arguments: StoreAdapter.all)
    func aggregatesOfSeveralSubmissionsComeBackInOneAnswerKeyedBySubmission(_ adapter: StoreAdapter) async throws {
        let platform = try Platform(adapter: adapter)
        let first = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 2, 2], at: 1))
        let second = try #require(try platform.submit(try platform.addTeam("bravo"), [0, 0, 0, 0, 0, 0], at: 2))
        _ = try await Judge(store: platform.store, clock: { platform.at(100) }).drain()
        let unscored = try #require(try platform.submit(try platform.addTeam("charlie"), [1, 1, 1, 1, 1, 1], at: 200))
        let both = try platform.store.aggregates(submissionIDs: [first.id, second.id, unscored.id], splits: [.public])
        #expect(Set(both.keys) == [first.id, second.id], "a submission without results is absent")
        #expect(both[first.id] == (try platform.store.aggregates(submissionID: first.id, splits: [.public])))
        #expect(both[second.id] == (try platform.store.aggregates(submissionID: second.id, splits: [.public])))
        #expect(both[first.id] != both[second.id])
        #expect(both.values.allSatisfy { Set($0.keys) == [.public] })
        #expect(try platform.store.aggregates(submissionIDs: [], splits: [.public]).isEmpty)
    }

    @Test(arguments: StoreAdapter.all)
    func sealedSplitNeverComesBackFromLeaderboardQueries(_ adapter: StoreAdapter) async throws {
        let (platform, submission) = try await scored(adapter)
        let challenge = try platform.store.challenge("small")
        let phase = try platform.phase()
        let version = challenge.spec.task.kind.scorerVersion
        let rows = try platform.store.scoredSubmissions(phase: phase, challenge: challenge, scorerVersion: version, visibleSplits: [.public])
        #expect(rows.count == 1)
        #expect(rows.allSatisfy { Set($0.values.keys) == [.public] })
        #expect(Set(try platform.store.aggregates(submissionID: submission.id, splits: [.public]).keys) == [.public])
        let cases = try platform.store.caseValues(submissionIDs: [submission.id], metric: "cost-matrix", splits: [.public],
                                                  challenge: challenge, scorerVersion: version)
        let privateCases: Set<String> = ["E", "F"]
        #expect(cases.values.allSatisfy { $0.keys.allSatisfy { !privateCases.contains($0) } })
        #expect(try platform.store.splitSummaries(submissionIDs: [submission.id], split: .public, challenge: challenge,
                                                  scorerVersion: version).count == 1)
    }

    @Test(arguments: StoreAdapter.all)
    func perCaseValuesComeBackForEveryCaseOfTheAskedSplits(_ adapter: StoreAdapter) async throws {
        let (platform, submission) = try await scored(adapter)
        let challenge = try platform.store.challenge("small")
        let version = challenge.spec.task.kind.scorerVersion
        // Predicted 0, 1, 2, 0, 2, 2 against the truth's 0, 1, 2, 0, 1, 2: only E is wrong.
        let accuracy = try platform.store.caseValues(submissionIDs: [submission.id], metric: "accuracy", splits: [.public, .private],
                                                     challenge: challenge, scorerVersion: version)
        #expect(accuracy == [submission.id: ["A": 1, "B": 1, "C": 1, "D": 1, "E": 0, "F": 1]])
        let costs = try platform.store.caseValues(submissionIDs: [submission.id], metric: "cost-matrix", splits: [.private],
                                                  challenge: challenge, scorerVersion: version)
        #expect(costs[submission.id].map { Set($0.keys) } == ["E", "F"])
        #expect(costs[submission.id]?["E"] != costs[submission.id]?["F"])
    }

    @Test(arguments: StoreAdapter.all)
    func privateSplitIsStoredAndComesBackOnlyWhenAskedFor(_ adapter: StoreAdapter) async throws {
        let (platform, submission) = try await scored(adapter)
        let both = try platform.store.aggregates(submissionID: submission.id, splits: [.public, .private])
        #expect(Set(both.keys) == [.public, .private])
    }
}
