
/// Locates the columns of a header, reporting missing, repeated and unexpected names.
struct CSVColumns {
    private(set) var index: [String: Int] = [:]

    /// `required` must all be present; `isAllowed` decides the rest.
    init(header: [String], line: Int, required: [String], isAllowed: (String) -> Bool, problems: inout ProblemList) {
        for (position, rawName) in header.enumerated() {
            let name = rawName.trimmingSpaces
            if index[name] != nil {
                problems.add(ValidationProblem(
                    .duplicateColumn, line: line, column: position + 1, field: name,
                    message: "column \"\(name)\" appears twice in the header"))
            } else if !required.contains(name), !isAllowed(name) {
                problems.add(ValidationProblem(
                    .unknownColumn, line: line, column: position + 1, field: name,
                    message: "unexpected column \"\(name)\""))
            }
            index[name] = index[name] ?? position
        }
        for name in required where index[name] == nil {
            problems.add(ValidationProblem(
                .missingColumn, line: line, field: name,
                message: "the header has no \"\(name)\" column; expected \(required.joined(separator: ","))"))
        }
    }

    subscript(name: String) -> Int? { index[name] }
}

extension CSVTable {
    /// The table, or the syntax error as a problem list: callers treat both the same way.
    static func read(_ bytes: [UInt8], problems: inout ProblemList) -> CSVTable? {
        do {
            return try CSVReader.parse(bytes)
        } catch {
            problems.add(ValidationProblem(.notCSV, line: error.line, byteOffset: error.byteOffset, message: error.message))
            return nil
        }
    }
}
