import Challenge
/// Validates a classification prediction CSV (`case_id,label[,p_<class>...]`) against the cases a
/// phase expects, reporting every problem with its line and column. It never sees the truth, so no
/// message can leak it.
public struct PredictionParser: Sendable {
    /// Probabilities of a row may miss 1 by this much, for rounding in the participant's writer.
    public static let sumTolerance = 1e-6

    public let task: TaskSpec
    /// The phase's case ids, in the order the returned predictions follow.
    public let expectedCaseIDs: [String]
    private let expectedIndex: [String: Int]
    /// The UTF-8 of each expected case id and of each class id, which the simple path compares fields with; nil for
    /// an id that an earlier one equals as text (canonically equivalent Unicode), which the text lookups would never
    /// pick, so that comparing bytes picks what they pick.
    let caseIDBytes: [[UInt8]?]
    let classIDBytes: [[UInt8]?]

    public init(task: TaskSpec, expectedCaseIDs: [String]) {
        self.task = task
        self.expectedCaseIDs = expectedCaseIDs
        self.expectedIndex = Dictionary(expectedCaseIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.caseIDBytes = Self.bytesOfFirstOccurrences(expectedCaseIDs)
        self.classIDBytes = Self.bytesOfFirstOccurrences(task.classes.map(\.id))
    }

    /// The predictions of a valid file, aligned to `expectedCaseIDs`; every problem of an invalid one, located.
    /// A plain file is read in one pass over its bytes (`SimplePredictionTable`); any other is read as CSV.
    public func parse(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> ClassificationPredictions {
        if let simple = SimplePredictionTable.predictions(bytes, parser: self) { return simple }
        return try parseReportingProblems(bytes, file: file)
    }

    /// The general path alone: any CSV `CSVReader` accepts, every problem reported with its line and column. `parse`
    /// returns the same for every file; the fuzzer compares the two.
    public func parseReportingProblems(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> ClassificationPredictions {
        var problems = ProblemList()
        guard let table = CSVTable.read(bytes, problems: &problems) else { throw problems.failure(file: file) }
        guard let layout = PredictionLayout(table: table, task: task, problems: &problems) else {
            throw problems.failure(file: file)
        }
        var rows = RowCollector(caseCount: expectedCaseIDs.count, classIDs: task.classes.map(\.id), layout: layout)
        for row in table.rows {
            rows.read(row, parser: self, problems: &problems)
        }
        for (index, id) in expectedCaseIDs.enumerated() where !rows.seen[index] {
            problems.add(ValidationProblem(.missingCase, caseID: id, message: "case \"\(id)\" has no prediction"))
        }
        guard problems.isEmpty else { throw problems.failure(file: file) }
        return ClassificationPredictions(labels: rows.labels, probabilities: layout.probabilityColumns == nil ? nil : rows.probabilities)
    }

    func index(of caseID: String) -> Int? { expectedIndex[caseID] }

    private static func bytesOfFirstOccurrences(_ ids: [String]) -> [[UInt8]?] {
        var seen = Set<String>()
        return ids.map { seen.insert($0).inserted ? Array($0.utf8) : nil }
    }
}

/// Where each column of a prediction file is.
struct PredictionLayout {
    let fieldCount: Int
    let idColumn: Int
    let labelColumn: Int
    /// Column of `p_<class>` for each class index, or nil when the file has no probabilities.
    let probabilityColumns: [Int]?

    init?(table: CSVTable, task: TaskSpec, problems: inout ProblemList) {
        let probabilityNames = task.classes.map { "p_\($0.id)" }
        let columns = CSVColumns(
            header: table.header, line: table.headerLine, required: ["case_id", "label"],
            isAllowed: { probabilityNames.contains($0) }, problems: &problems)
        let present = probabilityNames.compactMap { columns[$0] }
        if !present.isEmpty, present.count != probabilityNames.count {
            let missing = probabilityNames.filter { columns[$0] == nil }.joined(separator: ", ")
            problems.add(ValidationProblem(
                .incompleteProbabilities, line: table.headerLine,
                message: "probability columns must cover every class or none; missing \(missing)"))
        }
        guard problems.isEmpty, let idColumn = columns["case_id"], let labelColumn = columns["label"] else { return nil }
        self.fieldCount = table.header.count
        self.idColumn = idColumn
        self.labelColumn = labelColumn
        self.probabilityColumns = present.isEmpty ? nil : present
    }
}

/// Accumulates validated rows into arrays aligned to the expected case order.
private struct RowCollector {
    let classCount: Int
    let classIDs: [String]
    let layout: PredictionLayout
    var seen: [Bool]
    var firstLine: [Int]
    var labels: [Int]
    var probabilities: [Double]

    init(caseCount: Int, classIDs: [String], layout: PredictionLayout) {
        let classCount = classIDs.count
        self.classCount = classCount
        self.classIDs = classIDs
        self.layout = layout
        self.seen = Array(repeating: false, count: caseCount)
        self.firstLine = Array(repeating: 0, count: caseCount)
        self.labels = Array(repeating: 0, count: caseCount)
        self.probabilities = layout.probabilityColumns == nil ? [] : Array(repeating: 0, count: caseCount * classCount)
    }

    mutating func read(_ row: CSVTable.Row, parser: PredictionParser, problems: inout ProblemList) {
        let fields = row.fields
        let id = layout.idColumn < fields.count ? fields[layout.idColumn].trimmingSpaces : ""
        guard fields.count == layout.fieldCount else {
            problems.add(ValidationProblem(
                .wrongFieldCount, line: row.line, caseID: id.isEmpty ? nil : id,
                message: "expected \(layout.fieldCount) fields, got \(fields.count)"))
            // The case is present, only malformed: reporting it missing as well would mislead.
            if let index = parser.index(of: id), !seen[index] { seen[index] = true; firstLine[index] = row.line }
            return
        }
        guard let index = caseIndex(id, row: row, parser: parser, problems: &problems) else { return }
        let labelText = fields[layout.labelColumn].trimmingSpaces
        if let label = parser.task.classIndex(of: labelText) {
            labels[index] = label
        } else {
            let known = parser.task.classes.map(\.id).joined(separator: ", ")
            problems.add(ValidationProblem(
                .unknownLabel, line: row.line, column: layout.labelColumn + 1, field: "label", caseID: id,
                message: "label \"\(labelText)\" is not a class; expected one of \(known)"))
        }
        if let columns = layout.probabilityColumns {
            readProbabilities(fields, columns: columns, into: index, id: id, line: row.line, problems: &problems)
        }
    }

    private mutating func caseIndex(
        _ id: String, row: CSVTable.Row, parser: PredictionParser, problems: inout ProblemList
    ) -> Int? {
        let column = layout.idColumn + 1
        guard !id.isEmpty else {
            problems.add(ValidationProblem(.emptyCaseID, line: row.line, column: column, field: "case_id",
                                           message: "the case id is empty"))
            return nil
        }
        guard let index = parser.index(of: id) else {
            problems.add(ValidationProblem(.unknownCase, line: row.line, column: column, field: "case_id", caseID: id,
                                           message: "case \"\(id)\" is not one of this phase's cases"))
            return nil
        }
        guard !seen[index] else {
            problems.add(ValidationProblem(.duplicateCase, line: row.line, column: column, field: "case_id", caseID: id,
                                           message: "case \"\(id)\" already appeared on line \(firstLine[index])"))
            return nil
        }
        seen[index] = true
        firstLine[index] = row.line
        return index
    }

    private mutating func readProbabilities(
        _ fields: [String], columns: [Int], into index: Int, id: String, line: Int, problems: inout ProblemList
    ) {
        var sum = 0.0
        var allValid = true
        for (label, column) in columns.enumerated() {
            let text = fields[column].trimmingSpaces
            guard let value = DecimalNumber.parse(text) else {
                problems.add(ValidationProblem(
                    .notANumber, line: line, column: column + 1, field: "p_" + classID(label), caseID: id,
                    message: "expected a probability in [0, 1], got \"\(text)\""))
                allValid = false
                continue
            }
            guard value >= 0, value <= 1 else {
                problems.add(ValidationProblem(
                    .probabilityOutOfRange, line: line, column: column + 1, field: "p_" + classID(label), caseID: id,
                    message: "probability \(text) is outside [0, 1]"))
                allValid = false
                continue
            }
            probabilities[index * classCount + label] = value
            sum += value
        }
        if allValid, abs(sum - 1) > PredictionParser.sumTolerance {
            problems.add(ValidationProblem(
                .probabilitiesDoNotSumToOne, line: line, caseID: id,
                message: "the probabilities sum to \(sum), not 1 (tolerance \(PredictionParser.sumTolerance))"))
        }
    }

    private func classID(_ label: Int) -> String { classIDs[label] }
}
