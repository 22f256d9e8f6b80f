import Challenge
/// Reads a ground-truth CSV with columns `case_id,label,split`; any problem refuses the whole file.
public enum TruthParser {
    /// With `requireSplit` false (local scoring), the `split` column may be left out and every case is public.
    public static func parse(
        _ bytes: [UInt8], file: String, task: TaskSpec, requireSplit: Bool = true
    ) throws(ValidationFailure) -> GroundTruth {
        var problems = ProblemList()
        guard let table = CSVTable.read(bytes, problems: &problems) else { throw problems.failure(file: file) }
        let columns = CSVColumns(
            header: table.header, line: table.headerLine, required: requireSplit ? ["case_id", "label", "split"] : ["case_id", "label"],
            isAllowed: { $0 == "split" }, problems: &problems)
        guard let idColumn = columns["case_id"], let labelColumn = columns["label"], problems.isEmpty
        else { throw problems.failure(file: file) }
        let splitColumn = columns["split"]
        var cases: [TruthCase] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                problems.add(ValidationProblem(
                    .wrongFieldCount, line: row.line,
                    message: "expected \(table.header.count) fields, got \(row.fields.count)"))
                continue
            }
            let id = row.fields[idColumn].trimmingSpaces
            let labelText = row.fields[labelColumn].trimmingSpaces
            let splitText = splitColumn.map { row.fields[$0].trimmingSpaces } ?? Split.public.rawValue
            var rowIsValid = true
            if id.isEmpty {
                problems.add(ValidationProblem(.emptyCaseID, line: row.line, column: idColumn + 1, field: "case_id",
                                               message: "the case id is empty"))
                rowIsValid = false
            } else if let earlier = firstLine[id] {
                problems.add(ValidationProblem(.duplicateCase, line: row.line, column: idColumn + 1, field: "case_id",
                                               caseID: id, message: "case \"\(id)\" already appeared on line \(earlier)"))
                rowIsValid = false
            } else {
                firstLine[id] = row.line
            }
            let label = task.classIndex(of: labelText)
            if label == nil {
                let known = task.classes.map(\.id).joined(separator: ", ")
                problems.add(ValidationProblem(.unknownLabel, line: row.line, column: labelColumn + 1, field: "label",
                                               caseID: id, message: "label \"\(labelText)\" is not a class; expected one of \(known)"))
            }
            let split = Split(rawValue: splitText)
            if split == nil {
                problems.add(ValidationProblem(.unknownSplit, line: row.line, column: splitColumn.map { $0 + 1 }, field: "split",
                                               caseID: id, message: "split \"\(splitText)\" is neither \"public\" nor \"private\""))
            }
            if rowIsValid, let label, let split {
                cases.append(TruthCase(id: id, label: label, split: split))
            }
        }
        if table.rows.isEmpty {
            problems.add(ValidationProblem(.missingCase, message: "the file has a header but no cases"))
        }
        guard problems.isEmpty else { throw problems.failure(file: file) }
        return GroundTruth(cases: cases)
    }
}
