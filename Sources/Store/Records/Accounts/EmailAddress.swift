import Foundation

/// An e-mail address as an account is known by: trimmed, at most 254 bytes, one `@` between a local part and a dotted
/// domain, no space, line break, control or invisible format character. `key` is the address lower-cased, which is
/// what makes two sign-ups the same account; `text` is kept as it was typed, to write to.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public var key: String { text.lowercased() }
    public var description: String { text }

    /// Any space, line break, control or format character (Unicode's, not only ASCII's: a no-break space, U+2028, C1
    /// controls, a zero-width space), or unassigned code point: none belongs in an address, and each could hide in one.
    static let refusedScalars = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(.illegalCharacters)

    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.utf8.count <= 254, !text.unicodeScalars.contains(where: Self.refusedScalars.contains),
              let at = text.lastIndex(of: "@")
        else { return nil }
        let (local, domain) = (text[..<at], text[text.index(after: at)...])
        guard !local.isEmpty, local.utf8.count <= 64, !local.contains("@"), !domain.isEmpty,
              domain.split(separator: ".", omittingEmptySubsequences: false).count >= 2,
              domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              domain.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }),
              !local.contains(where: { "<>()[]\\,;:\"".contains($0) })
        else { return nil }
        self.text = text
    }
}
