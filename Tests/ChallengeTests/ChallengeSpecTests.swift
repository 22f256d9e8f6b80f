import Challenge
import Foundation
import Scoring
import Testing
import TestSupport

@Suite("challenge.yaml")
struct ChallengeSpecTests {
    static let valid = """
        schema: 1
        slug: demo
        title: Demo
        task:
          kind: slide-classification
          classes:
            - { id: "0", name: benign }
            - { id: "1", name: malignant }
        metrics:
          primary:
            kind: cost-matrix
            direction: higher
            matrix: [[0, 1], [1, 0]]
          secondary: [accuracy]
        phases:
          - slug: final
            opens: 2026-01-01T00:00:00Z
            closes: 2026-02-01T00:00:00Z
            cases: [public, private]
            public-split: public
            private-split: private
            limits: { per-period: 2, period: 1d, total: 10 }
            final-entry: team-choice
        """

    func issues(_ yaml: String) -> [SpecIssue] {
        do {
            _ = try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
            return []
        } catch {
            return error.issues
        }
    }

    @Test func shippedDemoChallengeIsValid() throws {
        let spec = try ChallengeSpecParser.parse(yaml: RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml"), file: "challenge.yaml")
        #expect(spec.task.classes.map(\.id) == ["0", "1", "2", "3"])
        #expect(spec.metrics.primary.costMatrix?.rows == [[0, 0.1, 0.7, 1], [0.1, 0, 0.3, 0.7], [0.7, 0.3, 0, 0.3], [1, 0.7, 0.3, 0]])
        #expect(spec.phase("final")?.privateSplit == .private)
    }

    @Test func readsEveryField() throws {
        let spec = try ChallengeSpecParser.parse(yaml: Self.valid, file: "challenge.yaml")
        let phase = try #require(spec.phase("final"))
        #expect(phase.limits == SubmissionLimits(perPeriod: 2, periodSeconds: 86_400, total: 10))
        #expect(phase.finalEntry == .teamChoice)
        #expect(phase.opens == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(spec.metrics.secondary.map(\.kind) == [.accuracy])
    }

    @Test func unknownKeyIsReportedWithPathAndLine() {
        let yaml = Self.valid.replacingOccurrences(of: "    final-entry: team-choice", with: "    final-entry: team-choice\n    dealine: soon")
        let issue = issues(yaml).first
        #expect(issue?.path == "phases[0].dealine")
        #expect(issue?.line == 24)
    }

    @Test func costMatrixOfWrongSizeIsRefused() {
        let found = issues(Self.valid.replacingOccurrences(of: "[[0, 1], [1, 0]]", with: "[[0, 1, 2], [1, 0, 2], [1, 1, 0]]"))
        #expect(found.map(\.path) == ["metrics.primary.matrix"])
        #expect(found.first?.line == 13)
    }

    @Test func deadlineWithoutTimeZoneIsRefused() {
        let found = issues(Self.valid.replacingOccurrences(of: "2026-02-01T00:00:00Z", with: "2026-02-01T00:00:00"))
        #expect(found.map(\.path) == ["phases[0].closes"])
    }

    @Test func phaseMustCloseAfterItOpens() {
        let found = issues(Self.valid.replacingOccurrences(of: "2026-02-01T00:00:00Z", with: "2025-12-01T00:00:00Z"))
        #expect(found.first?.message.contains("close after it opens") == true)
    }

    @Test func periodNeedsACount() {
        let found = issues(Self.valid.replacingOccurrences(of: "per-period: 2, ", with: ""))
        #expect(found.map(\.path) == ["phases[0].limits.per-period"])
    }

    @Test func unsupportedSchemaVersionIsRefused() {
        let found = issues(Self.valid.replacingOccurrences(of: "schema: 1", with: "schema: 2"))
        #expect(found.map(\.path) == ["schema"])
        #expect(found.first?.line == 1)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let yaml = Self.valid
            .replacingOccurrences(of: "slug: demo", with: "slug: Demo Challenge")
            .replacingOccurrences(of: "kind: slide-classification", with: "kind: segmentation")
            .replacingOccurrences(of: "final-entry: team-choice", with: "final-entry: best")
        #expect(Set(issues(yaml).map(\.path)) == ["slug", "task.kind", "phases[0].final-entry"])
    }

    @Test func duplicateClassIdIsRefused() {
        let found = issues(Self.valid.replacingOccurrences(of: "{ id: \"1\", name: malignant }", with: "{ id: \"0\", name: malignant }"))
        #expect(found.map(\.path) == ["task.classes[1].id"])
    }

    @Test func privateSplitMustBeAmongThePhaseCases() {
        let found = issues(Self.valid.replacingOccurrences(of: "cases: [public, private]", with: "cases: [public]"))
        #expect(found.map(\.path) == ["phases[0].private-split"])
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        let found = issues("schema: 1\ntask: [unclosed\n")
        #expect(found.first?.line != nil)
        #expect(found.first?.message.hasPrefix("YAML syntax") == true)
    }
}
