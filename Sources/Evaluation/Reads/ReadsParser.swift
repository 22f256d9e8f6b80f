import Challenge
import Scoring

/// Reads a reader study's reads from CSV with the columns `item_id,reader,label` (any order, a header line first);
/// any problem refuses the whole file, with every problem located by line, column and field.
///
/// The categories come from `classes` when given (a challenge's classes, in order; a label must be a class id).
/// Without them: when every label is an integer, the categories are every integer from the smallest label to the
/// largest (so "0" and "3" are three steps apart even when nobody chose "1" or "2"), ordered; otherwise the distinct
/// labels sorted by their UTF-8 bytes, unordered.
public struct ReadsParser: Sendable {
    /// The classes that are the categories, in order; nil to infer the categories from the labels.
    public let classes: [ClassSpec]?
    /// The budget checked before the file is parsed.
    public let limits: ReadsLimits

    /// A parser for a challenge's `classes` (or none) within `limits`.
    public init(classes: [ClassSpec]? = nil, limits: ReadsLimits = ReadsLimits()) {
        self.classes = classes
        self.limits = limits
    }

    private struct Row {
        let line: Int
        let item: String
        let reader: String
        let label: String
    }

    private struct Key: Hashable {
        let item: String
        let reader: String
    }

    /// The reads of the CSV `bytes`; `file` names it in every problem. Throws every problem found (up to a cap).
    public func parse(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> ParsedReads {
        var problems = ProblemList()
        checkBudget(bytes, problems: &problems)
        guard problems.isEmpty, let table = CSVTable.read(bytes, problems: &problems) else { throw problems.failure(file: file) }
        let columns = CSVColumns(
            header: table.header, line: table.headerLine, required: ["item_id", "reader", "label"], isAllowed: { _ in false },
            problems: &problems)
        guard let item = columns["item_id"], let reader = columns["reader"], let label = columns["label"], problems.isEmpty
        else { throw problems.failure(file: file) }
        let rows = self.rows(table, columns: (item, reader, label), problems: &problems)
        if table.rows.isEmpty {
            problems.add(ValidationProblem(.missingCase, message: "the file has a header but no reads"))
        }
        let (categories, ordered) = self.categories(rows, labelColumn: label + 1, problems: &problems)
        guard problems.isEmpty else { throw problems.failure(file: file) }
        let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        var reads: [ReaderRead] = []
        reads.reserveCapacity(rows.count)
        for row in rows {
            guard let category = index[Self.categoryName(row.label, ordered, classes)] else {
                throw ValidationFailure(file: file, problems: [ValidationProblem(
                    .unknownLabel, line: row.line, column: label + 1, field: "label", caseID: row.item,
                    message: "label \"\(row.label)\" is not a category")])
            }
            reads.append(ReaderRead(item: row.item, reader: row.reader, label: category))
        }
        do {
            return ParsedReads(reads: try AgreementReads(categories: categories, reads: reads), ordered: ordered)
        } catch {
            throw ValidationFailure(file: file, problems: [ValidationProblem(.unknownLabel, field: "label", message: error.description)])
        }
    }

    /// Refuses a file past the byte or line budget before the CSV reader allocates anything for it.
    private func checkBudget(_ bytes: [UInt8], problems: inout ProblemList) {
        if bytes.count > limits.maxBytes {
            problems.add(ValidationProblem(
                .fileTooLarge, message: "the file has more than \(limits.maxBytes) bytes; a reads file may have at most that"))
            return
        }
        let lines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        if lines > limits.maxLines {
            problems.add(ValidationProblem(
                .fileTooLarge, line: limits.maxLines + 1,
                message: "the file has more than \(limits.maxLines) lines; a reads file may have at most \(limits.maxLines)"))
        }
    }

    /// The rows with every field present, each (item, reader) once; problems for the others.
    private func rows(
        _ table: CSVTable, columns: (item: Int, reader: Int, label: Int), problems: inout ProblemList
    ) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        var firstLine: [Key: Int] = [:]
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                problems.add(ValidationProblem(
                    .wrongFieldCount, line: row.line, message: "expected \(table.header.count) fields, got \(row.fields.count)"))
                continue
            }
            let item = row.fields[columns.item].trimmingSpaces
            let reader = row.fields[columns.reader].trimmingSpaces
            let label = row.fields[columns.label].trimmingSpaces
            var complete = true
            for (text, column, name) in [(item, columns.item, "item_id"), (reader, columns.reader, "reader"), (label, columns.label, "label")]
            where text.isEmpty {
                problems.add(ValidationProblem(
                    .emptyField, line: row.line, column: column + 1, field: name, message: "the \(name) field is empty"))
                complete = false
            }
            guard complete else { continue }
            if let earlier = firstLine[Key(item: item, reader: reader)] {
                problems.add(ValidationProblem(
                    .duplicateRow, line: row.line, column: columns.reader + 1, field: "reader", caseID: item,
                    message: "reader \"\(reader)\" already read item \"\(item)\" on line \(earlier)"))
                continue
            }
            firstLine[Key(item: item, reader: reader)] = row.line
            rows.append(Row(line: row.line, item: item, reader: reader, label: label))
        }
        return rows
    }

    /// The categories in order and whether the order means something.
    private func categories(_ rows: [Row], labelColumn: Int, problems: inout ProblemList) -> ([String], Bool) {
        if let classes {
            let known = Set(classes.map(\.id))
            for row in rows where !known.contains(row.label) {
                problems.add(ValidationProblem(
                    .unknownLabel, line: row.line, column: labelColumn, field: "label", caseID: row.item,
                    message: "label \"\(row.label)\" is not a class; expected one of \(classes.map(\.id).joined(separator: ", "))"))
            }
            return (classes.map(\.id), true)
        }
        let integers = rows.compactMap { Int($0.label) }
        if !rows.isEmpty, integers.count == rows.count, let low = integers.min(), let high = integers.max() {
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span < limits.maxCategories else {
                problems.add(ValidationProblem(
                    .tooManyCategories, field: "label",
                    message: "integer labels from \(low) to \(high) span more than \(limits.maxCategories) categories"))
                return ([], true)
            }
            return ((low...high).map(String.init), true)
        }
        let distinct = Set(rows.map(\.label)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if distinct.count > limits.maxCategories {
            problems.add(ValidationProblem(
                .tooManyCategories, field: "label",
                message: "\(distinct.count) distinct labels; a reads file may have at most \(limits.maxCategories)"))
            return ([], false)
        }
        return (distinct, false)
    }

    /// The category a label names: itself, or its canonical integer spelling ("03" is "3") for integer categories.
    private static func categoryName(_ label: String, _ ordered: Bool, _ classes: [ClassSpec]?) -> String {
        guard classes == nil, ordered, let value = Int(label) else { return label }
        return String(value)
    }
}
