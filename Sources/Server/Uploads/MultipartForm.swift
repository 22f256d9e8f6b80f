import Foundation

/// The file field of a `multipart/form-data` body (RFC 7578): the part named `file`, else the first part with a
/// file name. Other fields are ignored; a body without such a part, or with a broken boundary, is refused with
/// the byte offset where parsing stopped.
struct MultipartForm {
    struct FilePart {
        let fileName: String?
        let bytes: ArraySlice<UInt8>
    }

    struct Malformed: Error, Equatable {
        let byteOffset: Int
        let reason: String
    }

    /// The boundary parameter of a `multipart/form-data` content type, or nil for another type.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let type = parts.first, type.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            return pair[1].count >= 2 && pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"")
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
        }
        return nil
    }

    /// The file part of a whole body held in memory (the streaming parser over one piece).
    static func filePart(of body: [UInt8], boundary: String) throws -> FilePart {
        var stream = try MultipartStream(boundary: boundary)
        var sink = MemorySink()
        try body.withUnsafeBytes { try stream.feed($0, into: &sink) }
        let fileName = try stream.finish()
        return FilePart(fileName: fileName, bytes: ArraySlice(sink.bytes))
    }

    /// `name` and `filename` of a part's Content-Disposition header.
    static func disposition(_ headers: String) -> (name: String?, fileName: String?) {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var name: String?
            var fileName: String?
            for parameter in pair[1].split(separator: ";").dropFirst() {
                let keyValue = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard keyValue.count == 2 else { continue }
                let value = keyValue[1].hasPrefix("\"") && keyValue[1].hasSuffix("\"") && keyValue[1].count >= 2
                    ? String(keyValue[1].dropFirst().dropLast()) : keyValue[1]
                switch keyValue[0].lowercased() {
                case "name": name = value
                // Browsers send the bare name; a path from an old client is cut to its last component.
                case "filename": fileName = value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)
                default: break
                }
            }
            return (name, fileName)
        }
        return (nil, nil)
    }

    /// The first `needle` at or after `start`, by Knuth–Morris–Pratt: every byte of the haystack is looked at a
    /// bounded number of times, so a body of near-boundaries (`-----…`) costs as much as any other of its size.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count else { return nil }
        let fallback = failureTable(needle)
        return haystack.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { pattern in
                var matched = 0
                for index in start..<bytes.count {
                    while matched > 0, bytes[index] != pattern[matched] { matched = fallback[matched - 1] }
                    if bytes[index] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return index - pattern.count + 1 }
                }
                return nil
            }
        }
    }

    /// For each prefix of `needle`, the length of its longest proper prefix that is also its suffix.
    static func failureTable(_ needle: [UInt8]) -> [Int] {
        var table = [Int](repeating: 0, count: needle.count)
        var length = 0
        for index in needle.indices.dropFirst() {
            while length > 0, needle[index] != needle[length] { length = table[length - 1] }
            if needle[index] == needle[length] { length += 1 }
            table[index] = length
        }
        return table
    }
}

/// Collects a form's file content in memory.
private struct MemorySink: FilePartSink {
    var bytes: [UInt8] = []

    mutating func restart() { bytes.removeAll() }

    mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
}
