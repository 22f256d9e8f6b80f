import Challenge
import Foundation
import Testing
import TestSupport

@Suite("study spec: the model and where it is written")
struct StudySpecTests {
    @Test func validSpecParsesToTheExpectedModel() throws {
        let spec = try StudySpecExample.parse(StudySpecExample.valid)
        #expect(spec == StudySpec(
            slug: "grading", title: "Grading study",
            items: .regions([
                StudyRegion(id: "r1", slide: "B0001_S3", box: RegionBox(x: 0, y: 0, width: 512, height: 512)),
                StudyRegion(id: "r2", slide: "B0003_S3", box: RegionBox(x: 1024, y: 2048, width: 512, height: 256), mpp: 0.5),
            ]),
            questions: StudyQuestions(
                label: StudyClasses(names: ["0", "1"], fromChallenge: true),
                shapes: ShapeQuestion(kinds: [.point, .polygon], classes: StudyClasses(names: ["lesion", "artefact"], fromChallenge: false)),
                comment: .optional),
            readers: ["ana", "ben", "chloe"], adjudicators: ["dora"], readsPerItem: 2, assignment: .blinded,
            hiddenRepeats: HiddenRepeats(share: 0.25, transforms: [.rotate90, .flipVertical], seed: 7),
            truth: StudyTruthRule(consensus: .majority, minimumReads: 2)))
    }

    @Test func optionalSectionsHaveTheirDefaults() throws {
        let yaml = StudySpecExample.valid.components(separatedBy: "\n")
            .filter { !$0.hasPrefix("adjudicators") && !$0.hasPrefix("hidden-repeats") && !$0.hasPrefix("truth") && !$0.contains("comment:") }
            .joined(separator: "\n")
        let spec = try StudySpecExample.parse(yaml)
        #expect(spec.adjudicators.isEmpty)
        #expect(spec.hiddenRepeats == nil)
        #expect(spec.truth == nil)
        #expect(spec.questions.comment == .notAsked)
    }

    @Test func emptyAdjudicatorListMeansNone() throws {
        let spec = try StudySpecExample.parse(StudySpecExample.replacingLine(12, with: "adjudicators: []"))
        #expect(spec.adjudicators.isEmpty)
    }

    @Test func minReadsDefaultsToTheReadsEveryItemGets() throws {
        let spec = try StudySpecExample.parse(StudySpecExample.replacingLine(16, with: "truth: { consensus: majority }"))
        #expect(spec.truth == StudyTruthRule(consensus: .majority, minimumReads: 2))
    }

    @Test func shippedDemoStudyIsValid() throws {
        let challenge = try ChallengeSpecParser.parse(yaml: RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml"), file: "challenge.yaml")
        let study = try StudySpecParser.parse(
            yaml: RepositoryFiles.text("Challenges/tissuenet-demo/study.yaml"), file: "study.yaml", challenge: challenge)
        #expect(study.questions.label?.names == ["0", "1", "2", "3"])
        #expect(study.items.listedIDs.count == 12)
        #expect(study.readers.count == 3)
        #expect(study.readsPerItem == 2)
    }

    @Test func tileSetItemsNameTheExportManifest() throws {
        let spec = try StudySpecExample.parse(StudySpecExample.replacingLines(4...6, with: "  tiles: tiles/manifest.json"))
        #expect(spec.items == .tiles(manifest: "tiles/manifest.json"))
    }

    @Test func wholeSlideItemsAreRead() throws {
        let spec = try StudySpecExample.parse(StudySpecExample.valid
            .replacingOccurrences(of: "  regions:", with: "  slides:")
            .replacingOccurrences(of: ", box: [0, 0, 512, 512]", with: "")
            .replacingOccurrences(of: ", box: [1024, 2048, 512, 256], mpp: 0.5", with: ""))
        #expect(spec.items == .slides([StudySlide(id: "r1", slide: "B0001_S3"), StudySlide(id: "r2", slide: "B0003_S3")]))
    }
}
