import Foundation
import Hummingbird
import NIOCore

/// The fields of a small `application/x-www-form-urlencoded` form (sign-in, confirmations, an organiser's form).
struct FormFields: Sendable {
    static let maximumBytes = 16 * 1024

    let values: [String: String]

    subscript(_ name: String) -> String? { values[name] }

    /// A form body, read up to `maximumBytes`; a longer or non-form body is refused as a bad request.
    static func read(_ request: Request) async throws -> FormFields {
        var request = request
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw APIError.badRequest("this form must be sent as application/x-www-form-urlencoded, not \(type.isEmpty ? "nothing" : type)",
                                      code: "not-a-form")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, code: "form-too-large", message: "the form is larger than \(maximumBytes) bytes")
        }
        return FormFields(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    init(encoded: String) {
        values = FormEncoding.decode(encoded)
    }
}
