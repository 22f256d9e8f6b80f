import Foundation

/// The fuzzer's door into three small parsers of request fields: `ByteRange` (a `Range` header, from
/// Sources/Server/Web/Views/ByteRange.swift), `EmailAddress` (the address typed at sign-up, from
/// Sources/Store/Records/Accounts/EmailAddress.swift) and `TeamName` (a team's name, from
/// Sources/Store/Records/TeamName.swift, with the `StoreError` it throws), linked into this target because they need
/// only Foundation.
public enum FieldFuzzing {
    /// File lengths every header is tried against: empty, one byte, the input's own size, and the largest there is.
    static func lengths(for input: [UInt8]) -> [Int64] { [0, 1, Int64(input.count), 1 << 40, Int64.max] }

    /// Parses the input as a `Range` header against each length, as an e-mail address and as a team name; returns a
    /// description of the first broken promise, or nil. A part must lie inside the file; an accepted address must
    /// parse again to itself, fit its 254 bytes and have no space, control or format character; an accepted team name
    /// must be kept as itself when given again, composed, trimmed, and free of every refused character.
    public static func check(_ input: [UInt8]) -> String? {
        let text = String(decoding: input, as: UTF8.self)
        if let problem = checkTeamName(text) { return problem }
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

    static func checkTeamName(_ text: String) -> String? {
        guard let name = try? TeamName.normalized(text, challenge: "fuzz") else { return nil }
        let shown = name.debugDescription
        if (try? TeamName.normalized(name, challenge: "fuzz")) != name { return "the team name \(shown) is not kept as itself" }
        // Compared by scalars: Swift's == would call any canonically equal form equal.
        if Array(name.precomposedStringWithCanonicalMapping.unicodeScalars) != Array(name.unicodeScalars) { return "the team name \(shown) is not composed" }
        if name.isEmpty || name.unicodeScalars.first!.properties.isWhitespace || name.unicodeScalars.last!.properties.isWhitespace {
            return "the team name \(shown) is empty or not trimmed"
        }
        if let bad = name.unicodeScalars.first(where: { scalar in TeamName.refused.contains { $0.contains(scalar.value) } }) {
            return "the team name \(shown) holds the refused U+\(String(bad.value, radix: 16))"
        }
        return nil
    }
}
