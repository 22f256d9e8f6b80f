import Challenge
import Foundation
import Testing

@Suite("study spec: study.yaml or a study: section of challenge.yaml")
struct StudySpecPlacementTests {
    /// `ChallengeSpecTests.valid` with the example study indented under `study:` (`study:` on line 24).
    static let challengeWithSection = ChallengeSpecTests.valid + "\nstudy:\n"
        + StudySpecExample.valid.components(separatedBy: "\n").map { "  " + $0 }.joined(separator: "\n")

    @Test func challengeYAMLWithAStudySectionIsAValidChallenge() throws {
        let challenge = try ChallengeSpecParser.parse(yaml: Self.challengeWithSection, file: "challenge.yaml")
        #expect(challenge.slug == "demo")
    }

    @Test func studySectionOfChallengeYAMLParsesLikeStudyYAML() throws {
        let challenge = try StudySpecExample.challenge()
        let fromSection = try StudySpecParser.parse(challengeYAML: Self.challengeWithSection, file: "challenge.yaml", challenge: challenge)
        #expect(fromSection == (try StudySpecExample.parse(StudySpecExample.valid)))
    }

    @Test func studyYAMLAloneIsRead() throws {
        let challenge = try StudySpecExample.challenge()
        let study = try StudySpecParser.parse(
            studyYAML: StudySpecExample.valid, studyFile: "study.yaml", challengeYAML: ChallengeSpecTests.valid,
            challengeFile: "challenge.yaml", challenge: challenge)
        #expect(study?.slug == "grading")
    }

    @Test func challengeWithoutAStudyHasNone() throws {
        let challenge = try StudySpecExample.challenge()
        let study = try StudySpecParser.parse(
            studyYAML: nil, studyFile: "study.yaml", challengeYAML: ChallengeSpecTests.valid, challengeFile: "challenge.yaml", challenge: challenge)
        #expect(study == nil)
    }

    @Test func issuesInTheSectionHaveKeyPathsUnderStudy() throws {
        let challenge = try StudySpecExample.challenge()
        let yaml = Self.challengeWithSection.replacingOccurrences(of: "box: [1024, 2048, 512, 256]", with: "box: [1024, 2048, 0, 256]")
        do {
            _ = try StudySpecParser.parse(challengeYAML: yaml, file: "challenge.yaml", challenge: challenge)
            Issue.record("a box of width 0 was accepted")
        } catch {
            #expect(error.file == "challenge.yaml")
            #expect(error.issues == [SpecIssue(
                path: "study.items.regions[1].box", line: 30, column: 54,
                message: "width is 0; a box's width and height are positive")])
        }
    }

    @Test func studyInBothPlacesIsAnIssueAtTheSection() throws {
        let challenge = try StudySpecExample.challenge()
        do {
            _ = try StudySpecParser.parse(
                studyYAML: StudySpecExample.valid, studyFile: "study.yaml", challengeYAML: Self.challengeWithSection,
                challengeFile: "challenge.yaml", challenge: challenge)
            Issue.record("a study in both places was accepted")
        } catch {
            #expect(error.file == "challenge.yaml")
            #expect(error.issues == [SpecIssue(
                path: "study", line: 24, column: 1, message: "the study is also described in study.yaml; describe it in one place, not both")])
        }
    }
}
