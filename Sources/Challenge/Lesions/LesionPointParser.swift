import Scoring

/// Reads `case_id,x,y,confidence` predictions (level-0 pixels) and reports every problem with its line:
/// unknown cases, points outside their slide, confidences outside [0, 1], the same point twice.
public struct LesionPointParser: Sendable {
    /// Level-0 width and height of each slide of the phase.
    public let slideSizes: [String: (width: Int, height: Int)]

    public init(slideSizes: [String: (width: Int, height: Int)]) {
        self.slideSizes = slideSizes
    }

    public func parse(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> [String: [LesionPoint]] {
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
            let numbers = [x, y, confidence].map { Double(row.fields[$0]) }
            for (column, value) in zip([x, y, confidence], numbers) where value == nil || !value!.isFinite {
                problems.add(ValidationProblem(.notANumber, line: row.line, column: column + 1, field: table.header[column], caseID: caseID,
                                               message: "expected a number, found \"\(row.fields[column])\""))
            }
            guard let px = numbers[0], let py = numbers[1], let score = numbers[2], px.isFinite, py.isFinite, score.isFinite else { continue }
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
