

/// A file's verdict as table rows: line, column, field, case id, message, in the words `arbiter submit` prints.
struct ProblemRows {
    /// More than this many rows would make the page itself a burden; the count says how many there were.
    static let listed = 1_000

    let rows: [[String: String]]
    let summary: String

    init(_ details: [APIError.Detail]) {
        rows = details.prefix(Self.listed).map { detail in
            [
                "line": detail.line.map(String.init) ?? "",
                "column": detail.column.map(String.init) ?? "",
                "field": detail.field ?? "",
                "caseID": detail.caseID ?? "",
                "byteOffset": detail.byteOffset.map(String.init) ?? "",
                "message": detail.message,
            ]
        }
        let count = details.count
        summary = count == 1 ? "1 problem"
            : count > Self.listed ? "\(Self.grouped(count)) problems; the first \(Self.grouped(Self.listed)) are listed"
            : "\(count) problems"
    }

    /// 1,000 rather than 1000.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
