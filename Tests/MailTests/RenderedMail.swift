import Foundation
import Testing

/// A rendered message split into its header lines (continuation lines unfolded) and its decoded body: what a mail
/// client would show, read with nothing from `MailFormat`.
struct RenderedMail {
    let headers: [String]
    let rawBody: String
    let body: String

    /// Splits `text` (CRLF line ends, as sent after DATA with the SMTP dot-stuffing already undone).
    init(_ text: String) throws {
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = try #require(parts.first)
        rawBody = parts.dropFirst().joined(separator: "\r\n\r\n")
        headers = head.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
        body = try #require(QuotedPrintableDecoder.decode(rawBody))
    }

    /// The value of the first header called `name`.
    func header(_ name: String) -> String? {
        headers.first { $0.hasPrefix("\(name): ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    /// The subject with RFC 2047 `=?UTF-8?B?…?=` words decoded (adjacent words joined, as RFC 2047 asks).
    func decodedSubject() throws -> String {
        let value = try #require(header("Subject"))
        guard value.hasPrefix("=?") else { return value }
        var bytes: [UInt8] = []
        for word in value.split(separator: " ") {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            bytes += try #require(Data(base64Encoded: String(base64)))
        }
        return try #require(String(validating: bytes, as: UTF8.self))
    }
}
