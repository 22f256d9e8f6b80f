/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes with `""` for a
/// quote, LF or CRLF line ends, an optional UTF-8 byte-order mark. Blank lines are skipped.
public enum CSVReader {
    public static func parse(_ bytes: [UInt8]) throws(CSVSyntaxError) -> CSVTable {
        var scanner = Scanner(bytes: bytes)
        var records: [CSVTable.Row] = []
        while let record = try scanner.nextRecord() {
            if record.fields.count == 1, record.fields[0].isEmpty, !record.hadQuotes { continue }
            records.append(CSVTable.Row(line: record.line, fields: record.fields))
        }
        guard let header = records.first else {
            throw CSVSyntaxError(line: 1, byteOffset: 0, message: "the file is empty; expected a header line")
        }
        return CSVTable(headerLine: header.line, header: header.fields, rows: Array(records.dropFirst()))
    }

    private struct Record {
        let line: Int
        let fields: [String]
        let hadQuotes: Bool
    }

    private struct Scanner {
        let bytes: [UInt8]
        /// Pure ASCII (nearly every prediction file) needs no per-field UTF-8 validation.
        let isASCII: Bool
        var offset = 0
        var line = 1
        /// Rows of a CSV have the same width: the last record's saves each row's array from regrowing field by field.
        var expectedFieldCount = 4

        init(bytes: [UInt8]) {
            self.bytes = bytes
            isASCII = bytes.allSatisfy { $0 < 0x80 }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        }

        mutating func nextRecord() throws(CSVSyntaxError) -> Record? {
            guard offset < bytes.count else { return nil }
            let startLine = line
            var fields: [String] = []
            fields.reserveCapacity(expectedFieldCount)
            var hadQuotes = false
            while true {
                let (field, quoted) = try nextField()
                hadQuotes = hadQuotes || quoted
                fields.append(field)
                guard offset < bytes.count else { break }
                let separator = bytes[offset]
                offset += 1
                if separator == UInt8(ascii: ",") { continue }
                if separator == UInt8(ascii: "\r"), offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") {
                    offset += 1
                }
                line += 1
                break
            }
            expectedFieldCount = max(expectedFieldCount, fields.count)
            return Record(line: startLine, fields: fields, hadQuotes: hadQuotes)
        }

        /// Reads one field and stops at the comma or line end after it, without consuming it.
        private mutating func nextField() throws(CSVSyntaxError) -> (String, Bool) {
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
                return (try quotedField(), true)
            }
            let start = offset
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if byte == UInt8(ascii: "\"") {
                    throw CSVSyntaxError(line: line, byteOffset: offset,
                                         message: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                offset += 1
            }
            return (try text(start..<offset), false)
        }

        private mutating func quotedField() throws(CSVSyntaxError) -> String {
            let openingOffset = offset
            let openingLine = line
            offset += 1
            var content: [UInt8] = []
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                if byte == UInt8(ascii: "\"") {
                    if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
                        content.append(byte)
                        offset += 1
                        continue
                    }
                    guard offset == bytes.count || [UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[offset])
                    else {
                        throw CSVSyntaxError(line: line, byteOffset: offset,
                                             message: "unexpected text after the closing quote of a field")
                    }
                    return try decode(content, at: openingOffset)
                }
                if byte == UInt8(ascii: "\n") { line += 1 }
                content.append(byte)
            }
            throw CSVSyntaxError(line: openingLine, byteOffset: openingOffset,
                                 message: "a quoted field is never closed")
        }

        private func text(_ range: Range<Int>) throws(CSVSyntaxError) -> String {
            // A submission has tens of thousands of fields: ASCII text is copied without validation, and anything
            // else is validated through a buffer pointer rather than a generic slice, which costs several times more.
            let string = bytes.withUnsafeBufferPointer { buffer in
                let field = UnsafeBufferPointer(rebasing: buffer[range])
                return isASCII ? String(decoding: field, as: UTF8.self) : String(validating: field, as: UTF8.self)
            }
            guard let string else {
                throw CSVSyntaxError(line: line, byteOffset: range.lowerBound, message: "the field is not valid UTF-8 text")
            }
            return string
        }

        private func decode(_ slice: some Collection<UInt8>, at start: Int) throws(CSVSyntaxError) -> String {
            guard let string = String(validating: slice, as: UTF8.self) else {
                throw CSVSyntaxError(line: line, byteOffset: start, message: "the field is not valid UTF-8 text")
            }
            return string
        }
    }
}
