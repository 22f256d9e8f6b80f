import Foundation
import Store

/// A study's reads for its organisers, every version or the latest of each assignment, as JSON rows or CSV.
struct StudyReadExport: Sendable {
    let reads: [StudyRead]

    struct Row: Encodable, Sendable {
        let itemID: String
        let reader: String
        let isRepeat: Bool
        let version: Int
        let createdAt: Date
        let secondsSpent: Double
        let label: String?
        let shapes: String?
        let comment: String?
    }

    var rows: [Row] {
        reads.map {
            Row(itemID: $0.itemID, reader: $0.reader, isRepeat: $0.isRepeat, version: $0.version, createdAt: $0.createdAt,
                secondsSpent: $0.secondsSpent, label: $0.label, shapes: $0.shapes, comment: $0.comment)
        }
    }

    /// `item_id,reader,is_repeat,version,created_at,seconds_spent,label,comment` (shapes are in the JSON form only);
    /// its first three columns and `label` are what `arbiter score agreement --reads` reads.
    var csv: String {
        let formatter = ISO8601DateFormatter()
        let header = "item_id,reader,is_repeat,version,created_at,seconds_spent,label,comment"
        let lines = reads.map { read in
            [read.itemID, read.reader, read.isRepeat ? "true" : "false", String(read.version), formatter.string(from: read.createdAt),
             String(read.secondsSpent), read.label ?? "", read.comment ?? ""].map(Self.field).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting, and a leading `'` before `=`, `+`, `-` or `@` so that a spreadsheet does not run a comment as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
