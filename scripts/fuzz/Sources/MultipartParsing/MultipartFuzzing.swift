/// The fuzzer's door into the upload form parser (Sources/Server/Uploads/MultipartForm.swift and
/// MultipartStream.swift, linked into this target because they need only Foundation, while the Server module needs
/// Hummingbird and NIO).
public enum MultipartFuzzing {
    /// What parsing a form gave: the file part's name and bytes, or the error's description.
    public enum Outcome: Equatable, Sendable {
        case file(name: String?, bytes: [UInt8])
        case refused(String)
    }

    /// Splits the input at its first line feed into a Content-Type value and a body, and takes the body's file part
    /// with the type's boundary (or, when the type names none, the first line itself as the boundary): once from the
    /// whole body, once fed to the streaming parser in pieces of irregular sizes, as a request body arrives.
    public static func parse(_ input: [UInt8]) -> (whole: Outcome, pieces: Outcome) {
        let newline = input.firstIndex(of: 0x0A) ?? input.count
        let contentType = String(decoding: input[..<newline], as: UTF8.self)
        let body = Array(input[min(newline + 1, input.count)...])
        let boundary = MultipartForm.boundary(contentType: contentType) ?? contentType
        let whole: Outcome
        do {
            let part = try MultipartForm.filePart(of: body, boundary: boundary)
            whole = .file(name: part.fileName, bytes: Array(part.bytes))
        } catch {
            whole = .refused(String(describing: error))
        }
        return (whole, inPieces(body, boundary: boundary))
    }

    /// Piece sizes cycle through these (1 to 89 bytes), so boundaries and header ends fall across pieces.
    static let pieceSizes = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]

    private static func inPieces(_ body: [UInt8], boundary: String) -> Outcome {
        do {
            var stream = try MultipartStream(boundary: boundary)
            var sink = CollectingSink()
            var (start, piece) = (0, 0)
            try body.withUnsafeBytes { bytes in
                while start < bytes.count {
                    let end = min(start + pieceSizes[piece % pieceSizes.count], bytes.count)
                    try stream.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), into: &sink)
                    (start, piece) = (end, piece + 1)
                }
            }
            let name = try stream.finish()
            return .file(name: name, bytes: sink.bytes)
        } catch {
            return .refused(String(describing: error))
        }
    }
}

/// Collects the file part's content in memory.
private struct CollectingSink: FilePartSink {
    var bytes: [UInt8] = []

    mutating func restart() { bytes.removeAll() }

    mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
}

/// The fuzzer's door into the portal's form and cookie decoding (Sources/Server/Web/Security/FormEncoding.swift).
public enum FormFuzzing {
    /// Decodes the input as a form body and as a Cookie header; returns a description of any disagreement between a
    /// form and its re-encoding decoded again, or nil.
    public static func check(_ input: [UInt8]) -> String? {
        let text = String(decoding: input, as: UTF8.self)
        let decoded = FormEncoding.decode(text)
        _ = FormEncoding.cookie("arbiter_session", in: [text])
        let again = FormEncoding.decode(FormEncoding.encode(decoded))
        return again == decoded ? nil : "decoded \(decoded.count) fields, re-encoded and decoded \(again.count) differently"
    }
}
