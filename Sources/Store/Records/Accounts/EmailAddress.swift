import Foundation

/// An e-mail address as an account is known by: trimmed, at most 254 bytes, one `@` between a local part and a dotted
/// domain, no spaces or control characters. `key` is the address lower-cased, which is what makes two sign-ups the
/// same account; `text` is kept as it was typed, to write to.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public var key: String { text.lowercased() }
    public var description: String { text }

    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.utf8.count <= 254, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }),
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
