/// A secret of 256 bits from the system's generator, as 64 hex digits after a prefix: tokens, session ids and form
/// tokens are all made here.
public enum RandomSecret {
    static func generate(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Whether `value` has the form `generate(prefix:)` gives: the prefix and 64 lowercase hex digits.
    public static func isWellFormed(_ value: String, prefix: String) -> Bool {
        value.hasPrefix(prefix) && value.utf8.count == prefix.utf8.count + 64
            && value.utf8.dropFirst(prefix.utf8.count).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension RandomSecret {
    /// A form's CSRF token: a session's, or the sign-in form's own (which has no session yet).
    public static func formToken() -> String { generate(prefix: "") }
}
