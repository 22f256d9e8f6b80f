import Challenge
import Foundation
import PlatformSupport
import Store
import Studies

/// The small three-class challenge with a study `grading` set up from its spec: regions r1…r6, readers ana, ben and
/// cleo, adjudicator ada, k reads per item.
struct StudyFixture {
    let platform: Platform
    let setup: StudySetup.Outcome
    let study: ReaderStudy

    var store: any ArbiterStore { platform.store }

    static func yaml(
        assignment: String = "blinded", readsPerItem: Int = 2, repeats: String = "", items: Int = 6,
        questions: String = "label: { classes: challenge }\n  comment: optional",
        truth: String = "truth: { consensus: majority, min-reads: 2 }"
    ) -> String {
        let regions = (1...items).map { "    - { id: r\($0), slide: s1.svs, box: [\($0 * 512), 0, 512, 512] }" }.joined(separator: "\n")
        return """
            slug: grading
            title: Grading
            items:
              regions:
            \(regions)
            questions:
              \(questions)
            readers: [ana, ben, cleo]
            adjudicators: [ada]
            reads-per-item: \(readsPerItem)
            assignment: \(assignment)
            \(repeats)
            \(truth)
            """
    }

    init(adapter: StoreAdapter = .sqlite, yaml: String = Self.yaml()) throws {
        platform = try Platform(adapter: adapter)
        let spec = try StudySpecParser.parse(yaml: yaml, file: "study.yaml", challenge: platform.spec)
        setup = try StudySetup(store: platform.store).run(spec, challenge: "small", items: spec.items.records ?? [], now: platform.at(0))
        study = try ReaderStudy(store: platform.store, challenge: "small", slug: "grading")
    }

    /// The plain items assigned to a reader, in order.
    func items(of reader: String) throws -> [String] {
        try store.progress(of: reader, in: study.study).assignments.filter { !$0.assignment.isRepeat }.map(\.assignment.itemID)
    }

    /// Every reader of an item's plain assignments.
    func readers(of item: String) throws -> [String] {
        try ["ana", "ben", "cleo"].filter { try items(of: $0).contains(item) }
    }

    @discardableResult
    func read(_ item: String, by reader: String, label: String?, comment: String? = nil, repeat isRepeat: Bool = false,
              at offset: Double = 10) throws -> StudyRead {
        try study.save(NewStudyRead(itemID: item, reader: reader, isRepeat: isRepeat, secondsSpent: 12, label: label, comment: comment),
                       now: platform.at(offset))
    }
}
