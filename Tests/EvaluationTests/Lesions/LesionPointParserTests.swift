import Challenge
import Evaluation
import Foundation
import Scoring
import TestSupport
import Testing

/// Plain tables are read in one pass without a string per field; anything unusual (here carriage returns or
/// quotes) goes through `CSVReader`. Both must return the same points and refuse the same files.
@Suite struct LesionPointParserTests {
    static let sizes: [String: (width: Int, height: Int)] = ["s1": (1000, 800), "s2": (64, 64), "s3": (5000, 5000)]
    static let parser = LesionPointParser(slideSizes: sizes)

    /// Spellings of the number grammar (`DecimalNumber`): plain decimals (the exact conversion) and others (strtod).
    static let spellings = ["0", "7", "007", "12.5", "0.1", "0.30000000000000004", "12.3456789012345", "1.00000000000001", "1e1", "0.5e0",
                            "-0", "-0.0", "3.14159265358979311", "1234567890123456", "1.6E1", "+5", "5.", ".5"]

    static func table(seed: UInt64, rows: Int, header: String = "case_id,x,y,confidence") -> [[String]] {
        var random = SplitMix64(seed: seed)
        var seen = Set<String>()
        var table: [[String]] = []
        while table.count < rows {
            let id = ["s1", "s2", "s3"][random.next(below: random.next(below: 4) == 0 ? 3 : 1)]
            let x = random.next(below: 3) == 0 ? spellings[random.next(below: spellings.count)] : String(random.next(below: 64))
            let y = String(Double(random.next(below: 6400)) / 100)
            let confidence = random.next(below: 5) == 0 ? ["1", "0", "0.5", "1.0", "0.25e0"][random.next(below: 5)] : String(Double(random.next(below: 10001)) / 10000)
            guard Double(x).map({ (0..<64).contains($0) }) == true, seen.insert("\(id) \(Double(x)!) \(Double(y)!)").inserted else { continue }
            var row = [id, x, y, confidence]
            if header.hasSuffix("extra") { row.append("note") }
            table.append(row)
        }
        return table
    }

    static func bytes(_ header: String, _ rows: [[String]], lineEnd: String = "\n", quoteIDs: Bool = false) -> [UInt8] {
        let lines = [header] + rows.map { row in (quoteIDs ? ["\"\(row[0])\""] + row.dropFirst() : row).joined(separator: ",") }
        return Array((lines.joined(separator: lineEnd) + lineEnd).utf8)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func plainAndGeneralPathsReadTheSamePoints(seed: UInt64) throws {
        for header in ["case_id,x,y,confidence", "case_id,x,y,confidence,extra"] {
            let rows = Self.table(seed: seed, rows: 300, header: header)
            let plain = try Self.parser.parse(Self.bytes(header, rows), file: "p.csv")
            #expect(plain == (try Self.parser.parse(Self.bytes(header, rows, lineEnd: "\r\n"), file: "p.csv")))
            #expect(plain == (try Self.parser.parse(Self.bytes(header, rows, quoteIDs: true), file: "p.csv")))
            #expect(plain.values.reduce(0) { $0 + $1.count } == rows.count)
        }
    }

    /// Tables of 64 KiB or more are read as two halves at once; slides run across the split.
    @Test func largeTablesReadInTwoHalvesGiveTheSamePointsInFileOrder() throws {
        let rows = Self.table(seed: 9, rows: 6000)
        let plain = Self.bytes("case_id,x,y,confidence", rows)
        #expect(plain.count >= 1 << 16)
        let points = try Self.parser.parse(plain, file: "p.csv")
        #expect(points == (try Self.parser.parse(Self.bytes("case_id,x,y,confidence", rows, lineEnd: "\r\n"), file: "p.csv")))
        #expect(points["s1"]?.count == rows.filter { $0[0] == "s1" }.count)
    }

    @Test func aDuplicateAcrossTheHalvesOfALargeTableIsReported() {
        let rows = Self.table(seed: 10, rows: 6000)
        let text = Self.bytes("case_id,x,y,confidence", rows + [rows[1]])
        #expect(throws: ValidationFailure.self) { try Self.parser.parse(text, file: "p.csv") }
    }

    @Test func minusZeroAndZeroAreDifferentPoints() throws {
        for lineEnd in ["\n", "\r\n"] {
            let points = try Self.parser.parse(Array("case_id,x,y,confidence\ns1,-0,1,0.5\ns1,0,1,0.7\n".replacingOccurrences(of: "\n", with: lineEnd).utf8), file: "p.csv")
            #expect(points["s1"]?.map(\.x.sign) == [.minus, .plus])
        }
    }

    @Test func reorderedColumnsAreRead() throws {
        let points = try Self.parser.parse(Array("confidence,y,case_id,x\n0.5,2,s2,3\n".utf8), file: "p.csv")
        #expect(points == ["s2": [LesionPoint(x: 3, y: 2, confidence: 0.5)]])
    }

    @Test(arguments: [
        ("s1,1,1,0.5\ns1,1,1.0,0.7\n", ValidationProblem.Kind.duplicateRow), ("s1,1,1,0.5\ns1,1,1,0.5\n", .duplicateRow),
        ("s2,64,1,0.5\n", .pointOutsideSlide), ("s1,1,1,1.5\n", .confidenceOutOfRange), ("nope,1,1,0.5\n", .unknownCase),
        ("s1,x,1,0.5\n", .notANumber), ("s1,1,inf,0.5\n", .notANumber), ("s1,1,1\n", .wrongFieldCount),
    ])
    func problemsAreReportedWhateverThePath(rows: String, kind: ValidationProblem.Kind) {
        for lineEnd in ["\n", "\r\n"] {
            let text = ("case_id,x,y,confidence\n" + rows).replacingOccurrences(of: "\n", with: lineEnd)
            #expect(throws: ValidationFailure.self) { try Self.parser.parse(Array(text.utf8), file: "p.csv") }
            do {
                _ = try Self.parser.parse(Array(text.utf8), file: "p.csv")
            } catch {
                #expect(error.problems.map(\.kind) == [kind], "\(rows)")
            }
        }
    }
}
