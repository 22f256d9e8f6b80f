import Challenge
@testable import Evaluation
import Foundation
import Scoring
import Testing

/// `PredictionParser` reads plain files in one pass over their bytes and everything else with `CSVReader`; both
/// paths must return the same predictions, and the one-pass path must take the files participants usually send.
@Suite("Prediction files: the one-pass path")
struct SimplePredictionPathTests {
    static let task = TaskSpec(kind: .slideClassification, classes: ["0", "1", "2"].map { ClassSpec(id: $0, name: "class \($0)") })
    static let ids = (1...40).map { "case_\($0)" }
    static let parser = PredictionParser(task: task, expectedCaseIDs: ids)

    /// A valid file with probabilities, its rows in the phase's order or shuffled.
    static func validFile(shuffled: Bool, seed: UInt64 = 1) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var rows = ids.map { id -> String in
            let label = Int(random.next() % 3)
            let probabilities = (0..<3).map { $0 == label ? "0.75" : "0.125" }
            return "\(id),\(label)," + probabilities.joined(separator: ",")
        }
        if shuffled { rows.shuffle(using: &random) }
        return Array(("case_id,label,p_0,p_1,p_2\n" + rows.joined(separator: "\n") + "\n").utf8)
    }

    /// Both paths' outcome for a file: equal predictions, or both refusing.
    func expectPathsAgree(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let simple = SimplePredictionTable.predictions(bytes, parser: Self.parser)
        let general = try? Self.parser.parseReportingProblems(bytes, file: "p.csv")
        if let simple { #expect(simple == general, sourceLocation: sourceLocation) }
        #expect((try? Self.parser.parse(bytes, file: "p.csv")) == general, sourceLocation: sourceLocation)
    }

    @Test func plainFilesInThePhaseOrderTakeTheOnePassPath() {
        let bytes = Self.validFile(shuffled: false)
        #expect(SimplePredictionTable.predictions(bytes, parser: Self.parser) != nil)
        expectPathsAgree(bytes)
    }

    @Test func plainFilesInAnyOrderTakeTheOnePassPath() {
        let bytes = Self.validFile(shuffled: true)
        #expect(SimplePredictionTable.predictions(bytes, parser: Self.parser) != nil)
        expectPathsAgree(bytes)
    }

    @Test func filesWithoutProbabilitiesTakeTheOnePassPath() {
        let bytes = Array(("case_id,label\n" + Self.ids.map { "\($0),1" }.joined(separator: "\n")).utf8)
        let simple = SimplePredictionTable.predictions(bytes, parser: Self.parser)
        #expect(simple?.probabilities == nil && simple?.labels == Array(repeating: 1, count: Self.ids.count))
        expectPathsAgree(bytes)
    }

    @Test(arguments: [
        ("carriage returns", "\n", "\r\n"), ("a byte-order mark", "case_id,", "\u{FEFF}case_id,"),
        ("quoted ids", "case_7,", "\"case_7\","), ("spaces around an id", "case_7,", " case_7 ,"),
        ("spaces around a number", ",0.75", ", 0.75"), ("a blank line", "\ncase_7,", "\n\ncase_7,"),
        ("a duplicated row", "case_8,", "case_7,"), ("an unknown case", "case_7,", "case_x,"),
        ("an unknown label", "case_7,0,", "case_7,7,"), ("a probability above 1", "0.75", "1.75"),
        ("probabilities not summing to 1", ",0.125\n", ",0.25\n"), ("a missing field", ",0.125\n", "\n"),
        ("an exponent", "0.75", "7.5e-1"), ("an empty id", "case_7,", ","),
    ])
    func unusualFilesGetTheSameAnswerFromBothPaths(_ change: (String, String, String)) throws {
        let text = String(decoding: Self.validFile(shuffled: false), as: UTF8.self)
        let range = try #require(text.range(of: change.1), "\(change.0): the change applies")
        let changed = text.replacingCharacters(in: range, with: change.2)
        expectPathsAgree(Array(changed.utf8))
    }

    @Test func idsEqualOnlyAsUnicodeTextResolveAsTheGeneralPathResolvesThem() throws {
        // U+212A KELVIN SIGN equals "K" as a Swift string: the general path maps a "K" row to the first of the two.
        let parser = PredictionParser(task: Self.task, expectedCaseIDs: ["\u{212A}", "K"])
        let bytes = Array("case_id,label\nK,1\nK,2\n".utf8)
        let general = try? parser.parseReportingProblems(bytes, file: "p.csv")
        #expect((try? parser.parse(bytes, file: "p.csv")) == general)
    }

    @Test func seededMutationsOfAValidFileGetTheSameAnswerFromBothPaths() {
        var random = SplitMix64(seed: 42)
        let alphabet = Array("0123456789.,-+e_casK \n\r\"".utf8)
        for round in 0..<2000 {
            var bytes = Self.validFile(shuffled: round % 2 == 1, seed: UInt64(round))
            for _ in 0...(random.next() % 3) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                }
            }
            expectPathsAgree(bytes)
        }
    }
}
