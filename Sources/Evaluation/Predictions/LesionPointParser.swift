import Foundation
import Parallel
import Scoring

/// Reads `case_id,x,y,confidence` predictions (level-0 pixels) and reports every problem with its line:
/// unknown cases, points outside their slide, confidences outside [0, 1], the same point twice.
/// Numbers follow `DecimalNumber`'s grammar, as in classification predictions (spaces and tabs around them are
/// trimmed); the file is read by `CSVReader` unless the one-pass reader below finds nothing unusual in it.
public struct LesionPointParser: Sendable {
    /// Level-0 width and height of each slide of the phase.
    public let slideSizes: [String: (width: Int, height: Int)]

    public init(slideSizes: [String: (width: Int, height: Int)]) {
        self.slideSizes = slideSizes
    }

    public func parse(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> [String: [LesionPoint]] {
        if let simple = SimplePointTable.points(bytes, slideSizes: slideSizes) { return simple }
        return try parseReportingProblems(bytes, file: file)
    }

    /// The general path: any CSV `CSVReader` accepts, every problem reported with its line.
    private func parseReportingProblems(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> [String: [LesionPoint]] {
        let table: CSVTable
        do {
            table = try CSVReader.parse(bytes)
        } catch {
            throw ValidationFailure(file: file, problems: [ValidationProblem(.notCSV, line: error.line, byteOffset: error.byteOffset, message: error.message)])
        }
        var problems = ProblemList()
        let names = ["case_id", "x", "y", "confidence"]
        let columns = names.map { table.header.firstIndex(of: $0) }
        for (name, column) in zip(names, columns) where column == nil {
            problems.add(ValidationProblem(.missingColumn, line: table.headerLine, field: name, message: "the header needs a \"\(name)\" column"))
        }
        guard problems.isEmpty else { throw problems.failure(file: file) }
        let (id, x, y, confidence) = (columns[0]!, columns[1]!, columns[2]!, columns[3]!)
        var points: [String: [LesionPoint]] = [:]
        var seen: [String: Int] = [:]
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                problems.add(ValidationProblem(.wrongFieldCount, line: row.line, message: "expected \(table.header.count) fields, found \(row.fields.count)"))
                continue
            }
            let caseID = row.fields[id]
            guard let size = slideSizes[caseID] else {
                problems.add(ValidationProblem(.unknownCase, line: row.line, column: id + 1, field: "case_id", caseID: caseID, message: "\"\(caseID)\" is not a slide of this phase"))
                continue
            }
            let numbers = [x, y, confidence].map { DecimalNumber.parse(row.fields[$0].trimmingSpaces) }
            for (column, value) in zip([x, y, confidence], numbers) where value == nil {
                problems.add(ValidationProblem(.notANumber, line: row.line, column: column + 1, field: table.header[column], caseID: caseID,
                                               message: "expected a number, found \"\(row.fields[column])\""))
            }
            guard let px = numbers[0], let py = numbers[1], let score = numbers[2] else { continue }
            if !(0...1).contains(score) {
                problems.add(ValidationProblem(.confidenceOutOfRange, line: row.line, column: confidence + 1, field: "confidence", caseID: caseID,
                                               message: "confidence must be in [0, 1], found \(row.fields[confidence])"))
            }
            if px < 0 || py < 0 || px >= Double(size.width) || py >= Double(size.height) {
                problems.add(ValidationProblem(.pointOutsideSlide, line: row.line, column: x + 1, field: "x", caseID: caseID,
                                               message: "point (\(row.fields[x]), \(row.fields[y])) is outside the \(size.width) x \(size.height) slide"))
            }
            let key = "\(caseID)\u{0}\(px)\u{0}\(py)"
            if let first = seen[key] {
                problems.add(ValidationProblem(.duplicateRow, line: row.line, caseID: caseID, message: "the same point as line \(first)"))
            } else {
                seen[key] = row.line
            }
            points[caseID, default: []].append(LesionPoint(x: px, y: py, confidence: score))
        }
        guard problems.isEmpty else { throw problems.failure(file: file) }
        return points
    }
}

/// The common case of a predictions table in one pass over its bytes, without a string per field: what
/// `PlainCSVScanner` reads, and no problem in any row. Anything else gives nil, and the general path parses the file
/// again (and reports its problems), so both paths return the same points.
private struct SimplePointTable {
    var scanner: PlainCSVScanner
    let slideSizes: [String: (width: Int, height: Int)]

    init(bytes: UnsafeBufferPointer<UInt8>, slideSizes: [String: (width: Int, height: Int)]) {
        self.scanner = PlainCSVScanner(bytes)
        self.slideSizes = slideSizes
    }

    /// The points of a whole table; nil when the general path must parse it. Large tables are split at a line
    /// break into two halves read at once (each slide's points stay in file order: the first half's come first).
    static func points(_ bytes: [UInt8], slideSizes: [String: (width: Int, height: Int)]) -> [String: [LesionPoint]]? {
        let header = bytes.withUnsafeBufferPointer { bytes in
            var table = SimplePointTable(bytes: bytes, slideSizes: slideSizes)
            return table.columns().map { ($0, table.scanner.offset) }
        }
        guard let (columns, body) = header else { return nil }
        let middle = bytes.count - body >= 1 << 16 ? bytes[(body + (bytes.count - body) / 2)...].firstIndex(of: UInt8(ascii: "\n")) : nil
        let parts = middle.map { $0 + 1 < bytes.count ? [body..<$0 + 1, $0 + 1..<bytes.count] : [body..<bytes.count] } ?? [body..<bytes.count]
        let tables = ParallelMap.map(count: parts.count) { index in
            bytes.withUnsafeBufferPointer { bytes in
                var table = SimplePointTable(bytes: UnsafeBufferPointer(rebasing: bytes[parts[index]]), slideSizes: slideSizes)
                return table.rows(columns)
            }
        }
        var points: [String: [LesionPoint]] = [:]
        for part in tables {
            guard let part else { return nil }
            points.merge(part) { $0 + $1 }
        }
        return points.values.allSatisfy(Self.allDistinct) ? points : nil
    }

    /// Reads the header line; nil unless it names the four columns.
    private mutating func columns() -> Columns? {
        guard let names = scanner.textFields() else { return nil }
        let wanted = ["case_id", "x", "y", "confidence"].map { names.firstIndex(of: $0) }
        guard let id = wanted[0], let x = wanted[1], let y = wanted[2], let confidence = wanted[3] else { return nil }
        return Columns(id: id, x: x, y: y, confidence: confidence, count: names.count)
    }

    /// The points of every row from the scanner's offset on, by slide; nil at the first row the general path must read.
    private mutating func rows(_ columns: Columns) -> [String: [LesionPoint]]? {
        var points: [String: [LesionPoint]] = [:]
        // Rows of one slide usually follow each other: collect them, and look the slide up once per stretch.
        var slide: (bytes: Range<Int>, id: String, size: (width: Int, height: Int))?
        var stretch: [LesionPoint] = []
        let bytes = scanner.bytes
        while !scanner.isAtEnd {
            guard let fields = rowFields(columns) else { return nil }
            if slide.map({ !bytes[$0.bytes].elementsEqual(bytes[fields.0]) }) ?? true {
                if let slide { points[slide.id, default: []] += stretch }
                stretch.removeAll(keepingCapacity: true)
                let caseID = scanner.text(fields.0)
                guard let size = slideSizes[caseID] else { return nil }
                slide = (fields.0, caseID, size)
            }
            guard let size = slide?.size, let px = scanner.number(fields.1), let py = scanner.number(fields.2),
                  let score = scanner.number(fields.3), (0...1).contains(score),
                  px >= 0, py >= 0, px < Double(size.width), py < Double(size.height) else { return nil }
            stretch.append(LesionPoint(x: px, y: py, confidence: score))
        }
        if let slide { points[slide.id, default: []] += stretch }
        return points
    }

    /// Whether no two points of a slide share both coordinates, compared by bit pattern: for finite doubles the
    /// same equality as their shortest decimal spelling, which is what the general path's duplicate check compares.
    private static func allDistinct(_ points: [LesionPoint]) -> Bool {
        // Whole pixel coordinates (the usual case) pack into one integer per point, checked in a set.
        if points.allSatisfy({ $0.x < 4_294_967_296 && $0.y < 4_294_967_296 && $0.x.rounded(.down) == $0.x && $0.y.rounded(.down) == $0.y }) {
            var seen = Set<UInt64>(minimumCapacity: points.count)
            return points.allSatisfy { seen.insert(UInt64($0.x) << 32 | UInt64($0.y)).inserted }
        }
        let keys = points.map { ($0.x.bitPattern, $0.y.bitPattern) }.sorted { $0 < $1 }
        return zip(keys, keys.dropFirst()).allSatisfy { $0 != $1 }
    }

    /// The fields of four columns of the next row, which must have `count` fields.
    private mutating func rowFields(_ columns: Columns) -> (Range<Int>, Range<Int>, Range<Int>, Range<Int>)? {
        var fields = (0..<0, 0..<0, 0..<0, 0..<0)
        var field = 0
        let count = scanner.scanLine { range in
            if field == columns.id { fields.0 = range }
            if field == columns.x { fields.1 = range }
            if field == columns.y { fields.2 = range }
            if field == columns.confidence { fields.3 = range }
            field += 1
        }
        return count == columns.count ? fields : nil
    }

    private struct Columns {
        let id, x, y, confidence, count: Int
    }
}
