import Challenge
import Foundation
import Testing

@Suite("challenge.yaml: container phases")
struct ContainerPhaseSpecTests {
    /// A PI-CAI-shaped phase in grand-challenge's interface layout.
    static func perCase(_ container: String, task: String = "volume-lesion-detection", privateSplit: Bool = true) -> String {
        let metrics = task == "volume-lesion-detection" ? "  primary: picai-score" : "  primary: accuracy"
        let classes = task == "slide-classification" ? "\n  classes:\n    - { id: \"0\", name: benign }\n    - { id: \"1\", name: malignant }" : ""
        return """
            schema: 1
            slug: demo
            title: Demo
            task:
              kind: \(task)\(classes)
            metrics:
            \(metrics)
            phases:
              - slug: hidden
                opens: 2026-01-01T00:00:00Z
                closes: 2026-02-01T00:00:00Z
                cases: [\(privateSplit ? "public, private" : "public")]
                public-split: public\(privateSplit ? "\n    private-split: private" : "")
                submission: container
                container:
            \(container.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            """
    }

    static let picai = """
        layout: per-case
        inputs:
          transverse-t2-prostate-mri: image
          transverse-adc-prostate-mri: image
          transverse-hbv-prostate-mri: image
          clinical-information-prostate-mri: value
        outputs:
          cspca-detection-map: image
          cspca-case-level-likelihood: value
        scored-output: cspca-detection-map
        limits: { case-time: 2m, run-time: 1h, memory: 2GB, cpus: 2, processes: 64, output-size: 200MB, image-size: 5GB }
        """

    func parse(_ yaml: String) throws(SpecError) -> ChallengeSpec {
        try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
    }

    func issues(_ yaml: String) -> [SpecIssue] {
        do throws(SpecError) {
            _ = try parse(yaml)
            return []
        } catch {
            return error.issues
        }
    }

    @Test func readsAPerCasePhaseWithGrandChallengeInterfaces() throws {
        let phase = try #require(try parse(Self.perCase(Self.picai)).phase("hidden"))
        let container = try #require(phase.container)
        #expect(phase.submission == .container)
        #expect(container.layout == .perCase)
        #expect(container.inputs.map(\.slug) == ["transverse-t2-prostate-mri", "transverse-adc-prostate-mri", "transverse-hbv-prostate-mri", "clinical-information-prostate-mri"])
        #expect(container.inputs.last?.perCasePath == "clinical-information-prostate-mri.json")
        #expect(container.scoredInterface == ContainerInterface(slug: "cspca-detection-map", kind: .image))
        #expect(container.limits.caseSeconds == 120)
        #expect(container.limits.memoryBytes == 2 << 30)
        #expect(container.limits.cpus == 2)
        #expect(container.logs == .organisers)
    }

    @Test func predictionPhasesStayTheDefault() throws {
        let spec = try parse(ChallengeSpecTests.valid)
        #expect(spec.phase("final")?.submission == .predictions)
        #expect(spec.phase("final")?.container == nil)
    }

    @Test func containerSectionWithoutContainerSubmissionIsRefused() {
        let yaml = Self.perCase(Self.picai).replacingOccurrences(of: "    submission: container\n", with: "")
        #expect(issues(yaml).map(\.path) == ["phases[0].container"])
    }

    @Test func scoredOutputMustBeAnOutput() {
        let found = issues(Self.perCase(Self.picai.replacingOccurrences(of: "scored-output: cspca-detection-map", with: "scored-output: detection")))
        #expect(found.map(\.path) == ["phases[0].container.scored-output"])
        #expect(found.first?.line == 26)
    }

    @Test func scoredOutputKindFollowsTheTask() {
        let yaml = Self.perCase(Self.picai, task: "slide-classification")
        let found = issues(yaml)
        #expect(found.map(\.path) == ["phases[0].container.scored-output"])
        #expect(found.first?.message.contains("scores a per-case value") == true)
    }

    @Test func teamLogsAreRefusedForAPhaseWithAPrivateSplit() {
        let found = issues(Self.perCase(Self.picai + "\nlogs: team"))
        #expect(found.map(\.path) == ["phases[0].container.logs"])
        #expect(issues(Self.perCase(Self.picai + "\nlogs: team", privateSplit: false)).isEmpty)
    }

    @Test func wholeSetLayoutTakesNoOutputs() {
        let yaml = Self.perCase("layout: whole-set\ninputs: { slide: image }\noutputs: { grade: value }", task: "slide-classification")
        #expect(issues(yaml).map(\.path) == ["phases[0].container.outputs"])
    }

    @Test func limitsAreCheckedWithTheirPlace() {
        let found = issues(Self.perCase(Self.picai.replacingOccurrences(of: "memory: 2GB, cpus: 2", with: "memory: lots, cpus: 0")))
        #expect(found.map(\.path) == ["phases[0].container.limits.cpus", "phases[0].container.limits.memory"])
    }

    @Test func caseTimeCannotExceedRunTime() {
        let found = issues(Self.perCase(Self.picai.replacingOccurrences(of: "case-time: 2m, run-time: 1h", with: "case-time: 2h, run-time: 1h")))
        #expect(found.map(\.path) == ["phases[0].container.limits.case-time"])
    }

    @Test func interfaceSlugsAreSlugs() {
        let found = issues(Self.perCase(Self.picai.replacingOccurrences(of: "clinical-information-prostate-mri: value", with: "Clinical_Info: value")))
        #expect(found.map(\.path) == ["phases[0].container.inputs.Clinical_Info"])
    }

    @Test func codePackagesNameTheirRuntime() throws {
        let yaml = Self.perCase("layout: whole-set\ninputs: { slide: image }\nruntime: { image: localhost/tissuenet-runtime:1, command: [python, /code/main.py] }",
                                task: "slide-classification")
        let container = try #require(try parse(yaml).phase("hidden")?.container)
        #expect(container.runtime == ContainerRuntime(image: "localhost/tissuenet-runtime:1", command: ["python", "/code/main.py"]))
    }
}
