import BuiltInFiles
import Challenge
import Evaluation
import Foundation
import Scoring
import Store
import Studies

/// A synthetic reader study of the demo challenge (4 classes) on a fresh store, set up as `arbiter study add` does.
struct StudyBenchSetup {
    let database: BenchDatabase
    let study: ReaderStudy
    let opens: Date

    /// Registers the demo challenge and a blinded study of `items` regions, each read by `readsPerItem` of `readers`.
    init(items: Int, readers: Int, readsPerItem: Int, label: String) throws {
        database = BenchDatabase(nil, label: label)
        let store = try database.open()
        let challenge = try ChallengeSpecParser.load(directory: URL(fileURLWithPath: BuiltInFiles.resolve("Challenges/tissuenet-demo")))
        guard let opens = challenge.phase("final")?.opens else { throw StudyBenchError("the demo challenge has no final phase") }
        self.opens = opens
        try store.registerChallenge(challenge, now: opens)
        let yaml = Self.yaml(items: items, readers: Self.readerNames(readers), readsPerItem: readsPerItem)
        let spec = try StudySpecParser.parse(yaml: yaml, file: "study.yaml", challenge: challenge)
        _ = try StudySetup(store: store).run(spec, challenge: challenge.slug, items: spec.items.records ?? [], now: opens)
        study = try ReaderStudy(store: store, challenge: challenge.slug, slug: spec.slug)
    }

    static func readerNames(_ count: Int) -> [String] {
        (1...count).map { "reader-\($0)" }
    }

    static func yaml(items: Int, readers: [String], readsPerItem: Int) -> String {
        let regions = (1...items).map { "    - { id: item-\($0), slide: s1.svs, box: [\($0 * 512), 0, 512, 512] }" }
        return (["slug: bench", "title: Bench", "items:", "  regions:"] + regions + [
            "questions:", "  label: { classes: challenge }", "readers: [\(readers.joined(separator: ", "))]",
            "adjudicators: [adjudicator]", "reads-per-item: \(readsPerItem)", "assignment: blinded",
        ]).joined(separator: "\n") + "\n"
    }

    /// Every reader reads every item assigned to them: right about a hidden grade 60 to 80% of the time, otherwise one
    /// grade off. Returns the seconds the saves took.
    func readEverything(seed: UInt64, categories: Int) throws -> Double {
        var random = SplitMix64(seed: seed)
        var truth: [String: Int] = [:]
        let readers = study.spec.readers
        return try Stopwatch.time {
            for (index, reader) in readers.enumerated() {
                for assigned in try study.store.progress(of: reader, in: study.study).assignments {
                    let item = assigned.assignment.itemID
                    let hidden = truth[item] ?? random.next(below: categories)
                    truth[item] = hidden
                    let label = random.next(below: 100) >= 60 + 10 * (index % 3)
                        ? min(categories - 1, max(0, hidden + (random.next(below: 2) == 0 ? -1 : 1))) : hidden
                    _ = try study.save(NewStudyRead(itemID: item, reader: reader, secondsSpent: 30, label: "\(label)"), now: opens)
                }
            }
        }
    }
}

struct StudyBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
