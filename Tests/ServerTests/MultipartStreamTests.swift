import Scoring
import Testing
@testable import Server

/// The streaming form parser gives what a parse of the whole body gives, however the body is cut into pieces.
@Suite struct MultipartStreamTests {
    /// The parse of a whole body in memory, as it was before parsing streamed: the reference for the streaming one.
    static func reference(_ body: [UInt8], boundary: String) -> Result<(String?, [UInt8]), MultipartForm.Malformed> {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n".utf8) + delimiter
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard body.count - start >= needle.count, start >= 0 else { return nil }
            return (start...(body.count - needle.count)).first { body[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        guard var position = find(delimiter, from: 0) else {
            return .failure(.init(byteOffset: 0, reason: "the body never contains its boundary \"--\(boundary)\""))
        }
        var fallback: (String?, [UInt8])?
        while true {
            position += delimiter.count
            if body[position...].starts(with: Array("--".utf8)) { break }
            guard body[position...].starts(with: Array("\r\n".utf8)) else {
                return .failure(.init(byteOffset: position, reason: "a boundary line must end with CRLF"))
            }
            position += 2
            guard let headerEnd = find(Array("\r\n\r\n".utf8), from: position) else {
                return .failure(.init(byteOffset: position, reason: "a part's headers never end (no blank line)"))
            }
            let disposition = MultipartForm.disposition(String(decoding: body[position..<headerEnd], as: UTF8.self))
            let contentStart = headerEnd + 4
            guard let contentEnd = find(separator, from: contentStart) else {
                return .failure(.init(byteOffset: contentStart, reason: "the part starting here never ends (no closing boundary)"))
            }
            let part = (disposition.fileName, Array(body[contentStart..<contentEnd]))
            if disposition.name == "file" { return .success(part) }
            if fallback == nil, disposition.fileName != nil { fallback = part }
            position = contentEnd + 2
        }
        guard let fallback else { return .failure(.init(byteOffset: position, reason: "the form has no file: send the file in a field named \"file\"")) }
        return .success(fallback)
    }

    struct Sink: FilePartSink {
        var bytes: [UInt8] = []
        mutating func restart() { bytes.removeAll() }
        mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
    }

    static func streamed(_ body: [UInt8], boundary: String, cuts: [Int]) -> Result<(String?, [UInt8]), MultipartForm.Malformed> {
        do {
            var stream = try MultipartStream(boundary: boundary)
            var sink = Sink()
            var start = 0
            for end in cuts + [body.count] where end >= start {
                try body[start..<end].withUnsafeBytes { try stream.feed($0, into: &sink) }
                start = end
            }
            return .success((try stream.finish(), sink.bytes))
        } catch let malformed as MultipartForm.Malformed {
            return .failure(malformed)
        } catch {
            Issue.record("unexpected \(error)")
            return .failure(.init(byteOffset: -1, reason: "\(error)"))
        }
    }

    /// A form of a few parts whose contents are full of near-boundaries, then perhaps damaged at one byte or cut short.
    static func randomForm(_ random: inout SplitMix64) -> [UInt8] {
        let pieces = ["\r\n", "--", "-", "b", "\r\n--b", "\r\n--", "x", "\r", "\n", "--b"]
        var form: [UInt8] = []
        if random.next() % 4 == 0 { form += Array("preamble\r\n".utf8) }
        for _ in 0..<(1 + random.next() % 3) {
            let name = ["file", "note", "upload"][Int(random.next() % 3)]
            let fileName = random.next() % 2 == 0 ? "; filename=\"f\(random.next() % 9).csv\"" : ""
            form += Array("--b\r\nContent-Disposition: form-data; name=\"\(name)\"\(fileName)\r\n\r\n".utf8)
            for _ in 0..<(random.next() % 12) { form += Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8) }
            form += Array("\r\n".utf8)
        }
        form += Array("--b--\r\n".utf8)
        switch random.next() % 4 {
        case 0: form[Int(random.next() % UInt64(form.count))] = UInt8(truncatingIfNeeded: random.next())
        case 1: form.removeLast(Int(random.next() % UInt64(form.count)))
        default: break
        }
        return form
    }

    @Test func streamingAgreesWithTheWholeBodyParseOnRandomFormsCutAnywhere() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            let form = Self.randomForm(&random)
            let cuts = (0..<(random.next() % 4)).map { _ in Int(random.next() % UInt64(form.count + 1)) }.sorted()
            let expected = Self.reference(form, boundary: "b")
            let streamed = Self.streamed(form, boundary: "b", cuts: cuts)
            switch (expected, streamed) {
            case (.success(let a), .success(let b)):
                #expect(a.0 == b.0 && a.1 == b.1, "form \(String(decoding: form, as: UTF8.self).debugDescription) cut at \(cuts)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "form \(String(decoding: form, as: UTF8.self).debugDescription) cut at \(cuts)")
            default:
                Issue.record("\(expected) but streamed \(streamed) for \(String(decoding: form, as: UTF8.self).debugDescription) cut at \(cuts)")
            }
        }
    }

    @Test func partHeadersLongerThanTheirLimitAreRefusedWhereTheyStart() {
        let form = Array("--b\r\nX: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: MultipartStream.maximumHeaderBytes + 1)
        #expect(throws: MultipartForm.Malformed(byteOffset: 5, reason: "a part's headers run past \(MultipartStream.maximumHeaderBytes) bytes")) {
            try MultipartForm.filePart(of: form, boundary: "b")
        }
    }

    @Test func textFieldsBeforeTheFileAreKeptWhateverTheCuts() throws {
        let form = Array("--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\ncase_id,label\r\n--b--\r\n".utf8)
        for cut in 1..<form.count {
            var stream = try MultipartStream(boundary: "b")
            var sink = Sink()
            try form[..<cut].withUnsafeBytes { try stream.feed($0, into: &sink) }
            try form[cut...].withUnsafeBytes { try stream.feed($0, into: &sink) }
            #expect(try stream.finish() == "p.csv")
            #expect(stream.fields == ["csrf": "abc123"], "cut at \(cut)")
            #expect(sink.bytes == Array("case_id,label".utf8))
        }
    }

    @Test func textFieldLongerThanItsBudgetIsRefusedWhereItStarts() {
        let form = Array("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n".utf8)
            + [UInt8](repeating: UInt8(ascii: "a"), count: MultipartStream.maximumFieldBytes + 1) + Array("\r\n--b--\r\n".utf8)
        #expect(throws: MultipartForm.Malformed(byteOffset: 52, reason: "the field \"note\" is longer than \(MultipartStream.maximumFieldBytes) bytes")) {
            try MultipartForm.filePart(of: form, boundary: "b")
        }
    }
}
