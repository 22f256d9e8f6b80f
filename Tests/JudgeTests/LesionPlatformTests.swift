import Challenge
import Evaluation
import Foundation
import Imaging
import Intake
import Judge
import Scoring
import Site
import PlatformSupport
import Store
import Testing

/// The lesion demos run through the store: truth import, validated submissions, judge, stored aggregates.
@Suite struct LesionPlatformTests {
    @Test func perfectDetectionMapsScoreOneOnEverySplit() async throws {
        let demo = try LesionDemo("picai")
        let submission = try #require(try demo.submit("perfect.tar", team: "perfect"))
        let report = try await Judge(store: demo.store, clock: { demo.now }).drain()
        #expect(report.scored == 1)
        let values = try demo.store.aggregates(submissionID: submission.id, splits: [.public, .private])
        #expect(values[.public]?["picai-score"] == 1.0)
        #expect(values[.private]?["picai-score"] == 1.0)
        let challenge = try demo.store.challenge(demo.spec.slug)
        let perCase = try demo.store.caseValues(submissionIDs: [submission.id], metric: "case-confidence", splits: [.public, .private],
                                                challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion)
        #expect(perCase[submission.id]?.count == 31, "every case's value is stored once")
    }

    @Test func judgedScoreEqualsScoringTheSameFilesDirectly() async throws {
        let demo = try LesionDemo("picai")
        let submission = try #require(try demo.submit("reference.tar", team: "reference"))
        _ = try await Judge(store: demo.store, clock: { demo.now }).drain()
        let stored = try demo.store.aggregates(submissionID: submission.id, splits: [.public])[.public]?["picai-score"] ?? nil
        let truth = try CaseFiles("\(demo.fixtures)/truth.tar", extensions: CaseFiles.volumeExtensions, roles: ["_label"])
        let publicIDs = try Set(LesionTruthImport.read("\(demo.fixtures)/truth.tar", task: demo.spec.task).filter { $0.split == .public }.map(\.caseID))
        let maps = try CaseFiles("\(demo.fixtures)/predictions/reference.tar", extensions: CaseFiles.volumeExtensions, roles: [])
        let direct = try await VolumeLesionEvaluator().evaluate(
            truth: CaseFiles(paths: truth.paths.filter { publicIDs.contains($0.key) }),
            predictions: CaseFiles(paths: maps.paths.filter { publicIDs.contains($0.key) }), predictionsName: "reference.tar")
        #expect(stored == direct.value("picai-score"))
    }

    @Test func archiveMissingCasesIsRefusedWithEachCaseNamed() throws {
        let demo = try LesionDemo("picai")
        do {
            _ = try demo.submit("malformed.tar", team: "careless")
            Issue.record("accepted an archive with missing cases")
        } catch let IntakeError.invalidFile(failure) {
            #expect(failure.problems.map(\.caseID) == ["c01", "c02", "c03"])
            #expect(failure.problems.allSatisfy { $0.kind == .missingCase })
        }
    }

    @Test func slideLesionPointsAreValidatedLineByLine() throws {
        let demo = try LesionDemo("camelyon")
        do {
            _ = try demo.submit("malformed.csv", team: "careless")
            Issue.record("accepted a malformed point file")
        } catch let IntakeError.invalidFile(failure) {
            #expect(failure.problems.map(\.kind) == [.duplicateRow, .pointOutsideSlide, .confidenceOutOfRange, .unknownCase, .notANumber])
            #expect(failure.problems.map(\.line) == [3, 4, 5, 6, 7])
        }
    }

    @Test func lesionLeaderboardPlotsEachEntrysFROCCurve() async throws {
        let demo = try LesionDemo("camelyon")
        for team in ["aurora", "baobab"] { _ = try demo.submit("\(team).csv", team: team) }
        _ = try await Judge(store: demo.store, clock: { demo.now }).drain()
        let site = demo.folder.appendingPathComponent("site")
        try await LeaderboardSite(store: demo.store, assets: Platform.root.appendingPathComponent("Leaderboard"))
            .build(challenge: demo.spec.slug, output: site, now: demo.now)
        let svg = try String(contentsOf: site.appendingPathComponent("final-curve-1.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("False positives per slide"))
    }

    @Test func slideLesionSubmissionsAreScoredByFROC() async throws {
        let demo = try LesionDemo("camelyon")
        let submission = try #require(try demo.submit("baobab.csv", team: "baobab"))
        let report = try await Judge(store: demo.store, clock: { demo.now }).drain()
        #expect(report.scored == 1)
        let values = try demo.store.aggregates(submissionID: submission.id, splits: [.public])[.public] ?? [:]
        let score = try #require(values["froc-score"] ?? nil)
        #expect((0...1).contains(score))
        #expect(values.keys.contains("sensitivity@0.25"))
    }
}
