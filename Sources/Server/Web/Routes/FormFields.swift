import Foundation
import Hummingbird
import NIOCore

/// The fields of a small `application/x-www-form-urlencoded` form (sign-in, confirmations, an organiser's form).
struct FormFields: Sendable {
    static let maximumBytes = 16 * 1024

    let values: [String: String]

    subscript(_ name: String) -> String? { values[name] }

    /// The most a form carrying a read's shapes may have: the read API's body, percent-encoded (each byte of the
    /// GeoJSON's punctuation becomes three).
    static let maximumReadBytes = 3 * APIHandlers.readBodyLimit

    /// A form body, read up to `limit` bytes; a longer or non-form body is refused as a bad request.
    static func read(_ request: Request, upTo limit: Int = maximumBytes) async throws -> FormFields {
        var request = request
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw APIError.badRequest("this form must be sent as application/x-www-form-urlencoded, not \(type.isEmpty ? "nothing" : type)",
                                      code: "not-a-form")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, code: "form-too-large", message: "the form is larger than \(limit) bytes")
        }
        return FormFields(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    init(encoded: String) {
        values = FormEncoding.decode(encoded)
    }
}
