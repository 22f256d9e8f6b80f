/// The `Key = Value` lines of a MetaImage header, up to and including `ElementDataFile`.
struct MetaImageHeader {
    /// Values by key, in file order; unknown keys are kept (and ignored) as MetaIO tolerates them.
    var fields: [String: String]
    var lineOfKey: [String: Int]
    /// Byte offset just past the `ElementDataFile` line: where LOCAL data starts.
    var dataStart: Int

    /// Longest header we look through for `ElementDataFile` before deciding this is not a MetaImage.
    static let maximumHeaderBytes = 1 << 20

    static func parse(_ bytes: [UInt8], file: String) throws(VolumeError) -> MetaImageHeader {
        var fields: [String: String] = [:]
        var lineOfKey: [String: Int] = [:]
        var lineStart = 0
        var lineNumber = 0
        let limit = min(bytes.count, maximumHeaderBytes)
        while lineStart < limit {
            lineNumber += 1
            let lineEnd = bytes[lineStart..<limit].firstIndex(of: 0x0A) ?? limit
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            let next = lineEnd + 1
            let trimmed = line.trimmingWhitespace
            if !trimmed.isEmpty {
                guard let equals = trimmed.firstIndex(of: "=") else {
                    throw VolumeError(.unrecognised, file: file, line: lineNumber, byteOffset: lineStart,
                                      "expected \"Key = Value\", found \"\(trimmed.prefix(60))\"")
                }
                let key = String(trimmed[..<equals]).trimmingWhitespace
                let value = String(trimmed[trimmed.index(after: equals)...]).trimmingWhitespace
                fields[key] = value
                lineOfKey[key] = lineNumber
                if key == "ElementDataFile" {
                    return MetaImageHeader(fields: fields, lineOfKey: lineOfKey, dataStart: min(next, bytes.count))
                }
            }
            lineStart = next
        }
        throw VolumeError(.unrecognised, file: file, field: "ElementDataFile",
                          "no ElementDataFile line in the first \(limit) bytes; not a MetaImage header")
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
