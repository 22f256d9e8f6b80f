/// The fuzzer's door into two small parsers of request fields: `ByteRange` (a `Range` header, from
/// Sources/Server/Web/Views/ByteRange.swift) and `EmailAddress` (the address typed at sign-up, from
/// Sources/Store/Records/Accounts/EmailAddress.swift), linked into this target because they need only Foundation.
public enum FieldFuzzing {
    /// File lengths every header is tried against: empty, one byte, the input's own size, and the largest there is.
    static func lengths(for input: [UInt8]) -> [Int64] { [0, 1, Int64(input.count), 1 << 40, Int64.max] }

    /// Parses the input as a `Range` header against each length and as an e-mail address; returns a description of
    /// the first broken promise, or nil. A part must lie inside the file; an accepted address must parse again to
    /// itself, fit its 254 bytes and have no space, control or format character.
    public static func check(_ input: [UInt8]) -> String? {
        let text = String(decoding: input, as: UTF8.self)
        for length in lengths(for: input) {
            if case .part(let first, let last) = ByteRange(header: text, length: length),
               !(0 <= first && first <= last && last < length) {
                return "range \(first)-\(last) outside a file of \(length) bytes"
            }
        }
        guard let address = EmailAddress(text) else { return nil }
        if EmailAddress(address.text) != address { return "the address \(address.text.debugDescription) does not parse to itself" }
        if address.text.utf8.count > 254 { return "an address of \(address.text.utf8.count) bytes was accepted" }
        // Checked against Unicode's own classes, not the parser's set: a space or control character of any script.
        if address.text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control
            || $0.properties.generalCategory == .format || $0.properties.generalCategory == .lineSeparator
            || $0.properties.generalCategory == .paragraphSeparator }) {
            return "the address \(address.text.debugDescription) holds a space, control or format character"
        }
        return nil
    }
}
