import Foundation
import TestSupport
import Testing

/// A scratch challenge folder (the tissuenet-demo challenge, classes 0 to 3) with a small study `grading`: slides
/// s1…s4, readers ana and ben who read every slide, adjudicator ada; and a data folder beside it.
struct StudyFolder {
    let scratch: ScratchFolder
    var challenge: String { scratch.file("challenge") }
    var data: String { scratch.file("data") }

    static let study = """
        slug: grading
        title: Grading
        items:
          slides:
            - { id: s1, slide: s1 }
            - { id: s2, slide: s2 }
            - { id: s3, slide: s3 }
            - { id: s4, slide: s4 }
        questions:
          label: { classes: challenge }
          comment: optional
        readers: [ana, ben]
        adjudicators: [ada]
        reads-per-item: 2
        assignment: blinded
        truth: { consensus: majority, min-reads: 2 }
        """

    /// The folder with `study` as its study.yaml; `register` runs `challenge add` and `study add`.
    init(study: String = Self.study, register: Bool = true) async throws {
        scratch = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: scratch.file("challenge"), withIntermediateDirectories: true)
        // The demo's phase shows the band of the demo's study, which these tests replace with theirs.
        let challengeYAML = try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml")
            .replacingOccurrences(of: "human-band: tissuenet-demo-grading", with: "")
        _ = try scratch.write(Array(challengeYAML.utf8), to: "challenge/challenge.yaml")
        try scratch.copyDataFiles(of: "Challenges/tissuenet-demo", to: "challenge")
        _ = try scratch.write(Array(study.utf8), to: "challenge/study.yaml")
        guard register else { return }
        try await expectSuccess(["challenge", "add", challenge])
        try await expectSuccess(["study", "add", challenge])
    }

    /// Runs `arbiter arguments… --data-dir DATA`.
    func run(_ arguments: [String]) async throws -> ArbiterRun {
        try await ArbiterBinary.run(arguments + ["--data-dir", data])
    }

    @discardableResult
    func expectSuccess(_ arguments: [String]) async throws -> ArbiterRun {
        let run = try await run(arguments)
        #expect(run.status == 0, "arbiter \(arguments.joined(separator: " ")): \(run.stderr)")
        return run
    }

    /// Imports `csv` (after the header `item_id,reader,label`) into the study.
    @discardableResult
    func importReads(_ rows: String, extra: [String] = []) async throws -> ArbiterRun {
        let path = try scratch.write(Array("item_id,reader,label\n\(rows)".utf8), to: "reads-\(UUID().uuidString).csv")
        return try await run(["study", "reads", "import", "tissuenet-demo", "grading", path] + extra)
    }
}
