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
}

extension RandomSecret {
    /// A form's CSRF token: a session's, or the sign-in form's own (which has no session yet).
    public static func formToken() -> String { generate(prefix: "") }
}
