import Challenge
import Evaluation
import Foundation
import Store
import Studies

/// A CSV of reads to import into a study: `item_id,reader,label`, and optionally `is_repeat` (true or false) and
/// `comment`. Every row is checked against the study before anything is saved: the reader is the study's, the item is
/// assigned to them (as a repeat when `is_repeat` says so), the read answers the questions, and no assignment appears
/// twice. Any problem refuses the whole file, each located by line, column and field.
struct StudyReadsFile {
    /// The budget of `score agreement`'s reads files.
    static let limits = ReadsLimits()
    static let required = ["item_id", "reader", "label"]
    static let optional = ["is_repeat", "comment"]
    /// The most problems listed before checking stops, so a huge broken file gives a short answer.
    static let maxProblems = 1000

    /// A row that passed, with the line it came from.
    struct Row {
        let line: Int
        let read: NewStudyRead
    }

    let study: ReaderStudy
    let secondsSpent: Double

    /// The file's reads, or every problem found in it.
    func rows(_ bytes: [UInt8], file: String) throws -> [Row] {
        var problems: [ValidationProblem] = []
        if let budget = Self.budgetProblem(bytes) { throw ValidationFailure(file: file, problems: [budget]) }
        let table: CSVTable
        do { table = try CSVReader.parse(bytes) } catch {
            throw ValidationFailure(file: file, problems: [ValidationProblem(.notCSV, line: error.line, byteOffset: error.byteOffset, message: error.message)])
        }
        let columns = Self.columns(table, problems: &problems)
        guard problems.isEmpty else { throw ValidationFailure(file: file, problems: problems) }
        let checker = try RowChecker(study: study, columns: columns, width: table.header.count, secondsSpent: secondsSpent)
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            guard problems.count < Self.maxProblems else {
                problems.append(ValidationProblem(.tooManyProblems, message: "stopped after \(Self.maxProblems) problems; rows from line \(row.line) on were not checked"))
                break
            }
            guard let read = checker.read(row, problems: &problems) else { continue }
            let key = "\(read.reader)\u{0}\(read.itemID)\u{0}\(read.isRepeat)"
            if let earlier = firstLine.updateValue(row.line, forKey: key) {
                problems.append(ValidationProblem(
                    .duplicateRow, line: row.line, field: "reader", caseID: read.itemID,
                    message: "reader \"\(read.reader)\" already read item \"\(read.itemID)\"\(read.isRepeat ? " as a repeat" : "") on line \(earlier)"))
                continue
            }
            rows.append(Row(line: row.line, read: read))
        }
        if table.rows.isEmpty { problems.append(ValidationProblem(.missingCase, message: "the file has a header but no reads")) }
        guard problems.isEmpty else { throw ValidationFailure(file: file, problems: problems) }
        return rows
    }

    private static func budgetProblem(_ bytes: [UInt8]) -> ValidationProblem? {
        if bytes.count > limits.maxBytes {
            return ValidationProblem(.fileTooLarge, message: "the file has more than \(limits.maxBytes) bytes; a reads file may have at most that")
        }
        let lines = bytes.count { $0 == UInt8(ascii: "\n") }
        guard lines <= limits.maxLines else {
            return ValidationProblem(.fileTooLarge, line: limits.maxLines + 1, message: "the file has more than \(limits.maxLines) lines")
        }
        return nil
    }

    /// Each column's index; missing, repeated and unknown names as problems.
    private static func columns(_ table: CSVTable, problems: inout [ValidationProblem]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, raw) in table.header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if index[name] != nil {
                problems.append(ValidationProblem(.duplicateColumn, line: table.headerLine, column: position + 1, field: name,
                                                  message: "column \"\(name)\" appears twice in the header"))
            } else if !(required + optional).contains(name) {
                problems.append(ValidationProblem(.unknownColumn, line: table.headerLine, column: position + 1, field: name,
                                                  message: "unexpected column \"\(name)\"; expected \((required + optional).joined(separator: ","))"))
            }
            index[name] = index[name] ?? position
        }
        for name in required where index[name] == nil {
            problems.append(ValidationProblem(.missingColumn, line: table.headerLine, field: name,
                                              message: "the header has no \"\(name)\" column; expected \(required.joined(separator: ","))"))
        }
        return index
    }
}

/// Checks one row against the study: its readers, their assignments and its questions.
private struct RowChecker {
    let study: ReaderStudy
    let columns: [String: Int]
    let width: Int
    let secondsSpent: Double
    /// Each reader's assignments, as `item \0 isRepeat`.
    let assigned: [String: Set<String>]

    init(study: ReaderStudy, columns: [String: Int], width: Int, secondsSpent: Double) throws {
        self.study = study
        self.columns = columns
        self.width = width
        self.secondsSpent = secondsSpent
        assigned = Dictionary(uniqueKeysWithValues: try study.spec.readers.map { reader in
            (reader, Set(try study.store.progress(of: reader, in: study.study).assignments.map { "\($0.assignment.itemID)\u{0}\($0.assignment.isRepeat)" }))
        })
    }

    func read(_ row: CSVTable.Row, problems: inout [ValidationProblem]) -> NewStudyRead? {
        guard row.fields.count == width else {
            problems.append(ValidationProblem(.wrongFieldCount, line: row.line, message: "expected \(width) fields, got \(row.fields.count)"))
            return nil
        }
        func field(_ name: String) -> String? { columns[name].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } }
        func problem(_ kind: ValidationProblem.Kind, _ name: String, _ item: String?, _ message: String) {
            problems.append(ValidationProblem(kind, line: row.line, column: columns[name].map { $0 + 1 }, field: name, caseID: item, message: message))
        }
        let item = field("item_id") ?? "", reader = field("reader") ?? "", label = field("label") ?? ""
        for (name, text) in [("item_id", item), ("reader", reader), ("label", label)] where text.isEmpty {
            problem(.emptyField, name, nil, "the \(name) field is empty")
        }
        guard !item.isEmpty, !reader.isEmpty, !label.isEmpty else { return nil }
        guard let isRepeat = Self.flag(field("is_repeat") ?? "") else {
            problem(.notANumber, "is_repeat", item, "expected true or false, got \"\(field("is_repeat") ?? "")\"")
            return nil
        }
        guard let items = assigned[reader] else {
            problem(.unknownCase, "reader", item, "\"\(reader)\" is not a reader of study \(study.study.name) (readers: \(study.spec.readers.joined(separator: ", ")))")
            return nil
        }
        guard items.contains("\(item)\u{0}\(isRepeat)") else {
            problem(.unknownCase, "item_id", item, "reader \"\(reader)\" is not assigned item \"\(item)\"\(isRepeat ? " as a hidden repeat" : "")")
            return nil
        }
        let comment = field("comment").flatMap { $0.isEmpty ? nil : $0 }
        let read = NewStudyRead(itemID: item, reader: reader, isRepeat: isRepeat, secondsSpent: secondsSpent, label: label, comment: comment)
        do {
            try ReadValidator(questions: study.spec.questions).check(read)
        } catch {
            let (name, reason) = switch error {
            case .invalidRead(_, let name, let reason): (name, reason)
            default: ("label", error.description)
            }
            let kind: ValidationProblem.Kind = switch name {
            case "label": .unknownLabel
            case "comment": .unknownColumn
            default: .notANumber
            }
            problem(kind, name, item, reason)
            return nil
        }
        return read
    }

    /// `is_repeat`: empty, false, 0 or no for the plain reading; true, 1 or yes for the hidden repeat.
    private static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "false", "0", "no": false
        case "true", "1", "yes": true
        default: nil
        }
    }
}
