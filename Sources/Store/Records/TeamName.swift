import Foundation

/// A team's name as the stores keep it: trimmed, in Unicode's composed form (NFC), at most 100 code points both as
/// written and as kept, and free of the control and invisible formatting characters in `refused`.
///
/// Composed because Swift compares strings by canonical equivalence and the databases compare bytes: "Café" written
/// with a precomposed é and with e + U+0301 were two teams to the table's unique key but one to the leaderboard's
/// dictionaries keyed by name, whose duplicate key trapped every leaderboard request from then on. In one form,
/// the unique key refuses the second.
public enum TeamName {
    public static let maximumScalars = 100

    /// The stored form of `raw`, or `StoreError.invalidTeamName` saying why there is none.
    public static func normalized(_ raw: String, challenge: String) throws(StoreError) -> String {
        func refuse(_ reason: String) -> StoreError { .invalidTeamName(challenge: challenge, name: shown(raw), reason: reason) }
        // Checked before trimming, as the schema's pattern checks: a tab or line break at either end is refused too.
        if let bad = raw.unicodeScalars.first(where: isRefused) {
            throw refuse("it holds U+\(String(bad.value, radix: 16, uppercase: true)), a control or invisible formatting character")
        }
        // Counted as written, as the API's schema counts, and again as kept: a few characters (U+FB2C, U+0958) have no
        // composed form and grow when composing.
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        let length = max(raw.unicodeScalars.count, name.unicodeScalars.count)
        guard length <= maximumScalars else { throw refuse("it has \(length) characters; at most \(maximumScalars) are allowed") }
        guard !name.isEmpty else { throw refuse("it is empty") }
        return name
    }

    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        refused.contains { $0.contains(scalar.value) }
    }

    /// `raw` fit to quote in a message or a log line: refused characters (a bidirectional override would reorder the
    /// text after it) written as `\u{…}`.
    public static func shown(_ raw: String) -> String {
        raw.unicodeScalars.map { isRefused($0) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0) }.joined()
    }

    /// Controls, line and paragraph separators, and the invisible characters that make two names look alike or
    /// reorder the text around them (zero-width spaces, bidirectional marks, embeddings, overrides and isolates).
    /// The joiners U+200C and U+200D stay allowed: Persian, Indic scripts and emoji sequences need them.
    public static let refused: [ClosedRange<UInt32>] = [
        0x0000...0x001F, 0x007F...0x009F, 0x00AD...0x00AD, 0x061C...0x061C, 0x180E...0x180E, 0x200B...0x200B,
        0x200E...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF...0xFEFF, 0xFFF9...0xFFFB,
    ]

    /// `refused` as the inside of a regular-expression character class (`\u0000-\u001F…`), for the API schema's
    /// pattern, which must refuse exactly what the stores refuse.
    public static var refusedPatternClass: String {
        func code(_ value: UInt32) -> String {
            let hex = String(value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        return refused.map { $0.count == 1 ? code($0.lowerBound) : code($0.lowerBound) + "-" + code($0.upperBound) }.joined()
    }
}
