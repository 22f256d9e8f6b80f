import Challenge
import Foundation
import PlatformSupport
import Store
import Studies
import Testing

/// The small challenge (cases A…D public, E and F private; cost-matrix primary) with `human-band: grading` on its
/// phase, and the study `grading` whose items are the cases, read as in `HumanLevelTests`.
@Suite("human levels of the phases that ask for them")
struct PhaseHumanLevelsTests {
    static func platform() throws -> Platform {
        let yaml = Platform.yaml().replacingOccurrences(of: "    final-entry: best-public", with: "    final-entry: best-public\n    human-band: grading")
        return try Platform(store: try StoreAdapter.sqlite.open(), yaml: yaml)
    }

    @Test func eachSplitHasItsCasesAndReadersAreNamedInTheStudysOrder() throws {
        let platform = try Self.platform()
        var yaml = StudyFixture.yaml(readsPerItem: 3)
        for (index, item) in ["A", "B", "C", "D", "E", "F"].enumerated() { yaml = yaml.replacingOccurrences(of: "id: r\(index + 1),", with: "id: \(item),") }
        let spec = try StudySpecParser.parse(yaml: yaml, file: "study.yaml", challenge: platform.spec)
        _ = try StudySetup(store: platform.store).run(spec, challenge: "small", items: spec.items.records ?? [], now: platform.at(0))
        let study = try ReaderStudy(store: platform.store, challenge: "small", slug: "grading")
        for (item, labels) in HumanLevelTests.rows {
            for (reader, label) in zip(["ana", "ben", "cleo"], labels) {
                guard let label else { continue }
                _ = try study.save(NewStudyRead(itemID: item, reader: reader, isRepeat: false, secondsSpent: 12, label: String(label), comment: nil),
                               now: platform.at(10))
            }
        }
        let levels = try PhaseHumanLevels(store: platform.store, challenge: "small").phases["final"]
        // Public A…D: ana A 1, C 0.5; ben A 1; cleo A 1, B 0.5. Private E, F: every read agrees with the others.
        #expect(levels?[.public]?.level.readers == [
            .init(reader: "Reader 1", value: 0.75, items: 2), .init(reader: "Reader 2", value: 1, items: 1),
            .init(reader: "Reader 3", value: 0.75, items: 2),
        ])
        #expect(levels?[.private]?.level.readers.map(\.items) == [2, 2, 1])
        #expect(levels?[.public]?.study == "Grading")
    }

    @Test func aStudyThatIsNotRegisteredIsNotApplicable() throws {
        let levels = try PhaseHumanLevels(store: try Self.platform().store, challenge: "small").phases["final"]
        #expect(levels?[.public]?.level.notApplicable == "study grading is not registered (arbiter study add)")
    }
}
