extension CSVTable.Row {
    /// The field at `index` (the column `name`), or an error naming the file, the line and the column a short row lacks:
    /// a CSV row may have fewer fields than its header.
    func field(_ index: Int, named name: String, file: String) throws -> String {
        guard index < fields.count else {
            throw CaseFilesError(path: file, line: line, "the row has \(fields.count) field\(fields.count == 1 ? "" : "s") and no \"\(name)\" (column \(index + 1))")
        }
        return fields[index]
    }
}
