extension CSVTable {
    /// The rows of an organiser's table, or an error at the first whose fields are not as many as the header's (as
    /// `TruthParser` says it): a CSV row may be shorter than its header, and its missing fields must not be read.
    func rows(checkedIn file: String) throws -> [Row] {
        if let row = rows.first(where: { $0.fields.count != header.count }) {
            throw CaseFilesError(path: file, line: row.line, "expected \(header.count) fields, got \(row.fields.count)")
        }
        return rows
    }
}
