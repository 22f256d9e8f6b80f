import Challenge
import Foundation
import Testing
import TestSupport

/// A valid `study.yaml` (line numbers matter: the tests name them) and helpers to break it one line at a time.
enum StudySpecExample {
    static let valid = """
        slug: grading
        title: Grading study
        items:
          regions:
            - { id: r1, slide: B0001_S3, box: [0, 0, 512, 512] }
            - { id: r2, slide: B0003_S3, box: [1024, 2048, 512, 256], mpp: 0.5 }
        questions:
          label: { classes: challenge }
          shapes: { kinds: [point, polygon], classes: [lesion, artefact] }
          comment: optional
        readers: [ana, ben, chloe]
        adjudicators: [dora]
        reads-per-item: 2
        assignment: blinded
        hidden-repeats: { share: 0.25, transforms: [rotate90, flip-vertical], seed: 7 }
        truth: { consensus: majority, min-reads: 2 }
        """

    /// The challenge the study belongs to: two classes, `0` benign and `1` malignant.
    static func challenge() throws -> ChallengeSpec {
        try ChallengeSpecParser.parse(yaml: ChallengeSpecTests.valid, file: "challenge.yaml")
    }

    /// A challenge whose task has no classes (lesion points scored by FROC).
    static func lesionChallenge() throws -> ChallengeSpec {
        try ChallengeSpecParser.parse(yaml: RepositoryFiles.text("Challenges/camelyon-demo/challenge.yaml"), file: "challenge.yaml")
    }

    /// `valid` with line `number` (1-based) replaced by `replacement` (which may hold several lines), or removed.
    static func replacingLine(_ number: Int, with replacement: String?) -> String {
        replacingLines(number...number, with: replacement)
    }

    /// `valid` with `lines` (1-based) replaced by `replacement` (which may hold several lines), or removed.
    static func replacingLines(_ lines: ClosedRange<Int>, with replacement: String?) -> String {
        var all = valid.components(separatedBy: "\n")
        all.replaceSubrange((lines.lowerBound - 1)..<lines.upperBound, with: replacement.map { [$0] } ?? [])
        return all.joined(separator: "\n")
    }

    static func parse(_ yaml: String, challenge: ChallengeSpec? = nil) throws -> StudySpec {
        try StudySpecParser.parse(yaml: yaml, file: "study.yaml", challenge: challenge ?? Self.challenge())
    }

    /// The issues of a `study.yaml`, none when it parses.
    static func issues(_ yaml: String, challenge: ChallengeSpec? = nil) throws -> [SpecIssue] {
        let challenge = try challenge ?? Self.challenge()
        do {
            _ = try StudySpecParser.parse(yaml: yaml, file: "study.yaml", challenge: challenge)
            return []
        } catch {
            return error.issues
        }
    }
}
