import Challenge
import Foundation
import Testing

@Suite("human-band: a phase shows the readers of a study")
struct HumanBandSpecTests {
    /// `ChallengeSpecTests.valid` whose only phase ends with `human-band: <slug>` (on line 24, after a blank line).
    static func challenge(band: String) -> String {
        ChallengeSpecTests.valid + "\n    human-band: \(band)"
    }

    @Test func aPhaseHasNoBandUnlessAsked() throws {
        let spec = try ChallengeSpecParser.parse(yaml: ChallengeSpecTests.valid, file: "challenge.yaml")
        #expect(spec.phases[0].humanBand == nil)
    }

    @Test func aPhaseNamesItsStudy() throws {
        let spec = try ChallengeSpecParser.parse(yaml: Self.challenge(band: "grading"), file: "challenge.yaml")
        #expect(spec.phases[0].humanBand == "grading")
    }

    @Test func aBandThatIsNotASlugIsAnIssue() {
        let issues = ChallengeSpecTests().issues(Self.challenge(band: "Not a slug"))
        #expect(issues.map(\.path) == ["phases[0].human-band"])
    }

    @Test func theStudyInTheFolderMustBeTheOneNamed() throws {
        let yaml = Self.challenge(band: "reading")
        let challenge = try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
        do {
            _ = try StudySpecParser.parse(studyYAML: StudySpecExample.valid, studyFile: "study.yaml", challengeYAML: yaml,
                                          challengeFile: "challenge.yaml", challenge: challenge)
            Issue.record("a band naming an unknown study was accepted")
        } catch {
            #expect(error.file == "challenge.yaml")
            #expect(error.issues.map(\.path) == ["phases[0].human-band"])
            #expect(error.issues.first?.line == 24)
            #expect(error.issues.first?.message == "no study \"reading\" in this folder; its study is \"grading\"")
        }
    }

    @Test func theStudyInTheFolderIsAccepted() throws {
        let yaml = Self.challenge(band: "grading")
        let challenge = try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
        let study = try StudySpecParser.parse(studyYAML: StudySpecExample.valid, studyFile: "study.yaml", challengeYAML: yaml,
                                              challengeFile: "challenge.yaml", challenge: challenge)
        #expect(study?.slug == "grading")
    }

    @Test func aStudyWithItsOwnClassesCannotBeTheBand() throws {
        let yaml = Self.challenge(band: "grading")
        let challenge = try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
        let study = StudySpecExample.valid.replacingOccurrences(of: "label: { classes: challenge }", with: "label: { classes: [low, high] }")
        do {
            _ = try StudySpecParser.parse(studyYAML: study, studyFile: "study.yaml", challengeYAML: yaml, challengeFile: "challenge.yaml", challenge: challenge)
            Issue.record("a band of a study with its own classes was accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["phases[0].human-band"])
        }
    }

    @Test func aBandWithoutAStudyInTheFolderIsLeftToRegistration() throws {
        let yaml = Self.challenge(band: "elsewhere")
        let challenge = try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
        let study = try StudySpecParser.parse(studyYAML: nil, studyFile: "study.yaml", challengeYAML: yaml, challengeFile: "challenge.yaml", challenge: challenge)
        #expect(study == nil)
    }
}
