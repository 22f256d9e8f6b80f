import Foundation

/// A team's name as the stores keep it: trimmed, in Unicode's composed form (NFC), 1 to 100 code points as written,
/// and free of the control and invisible formatting characters in `refused`.
///
/// Composed because Swift compares strings by canonical equivalence and the databases compare bytes: "Café" written
/// with a precomposed é and with e + U+0301 were two teams to the table's unique key but one to the leaderboard's
/// dictionaries keyed by name, whose duplicate key trapped every leaderboard request from then on. In one form,
/// the unique key refuses the second.
public enum TeamName {
    public static let maximumScalars = 100

    /// The stored form of `raw`, or `StoreError.invalidTeamName` saying why there is none.
    public static func normalized(_ raw: String, challenge: String) throws(StoreError) -> String {
        func refuse(_ reason: String) -> StoreError { .invalidTeamName(challenge: challenge, name: raw, reason: reason) }
        // Checked before trimming, as the schema's pattern checks: a tab or line break at either end is refused too.
        if let bad = raw.unicodeScalars.first(where: { scalar in refused.contains { $0.contains(scalar.value) } }) {
            throw refuse("it holds U+\(String(bad.value, radix: 16, uppercase: true)), a control or invisible formatting character")
        }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw refuse("it is empty") }
        // Counted as written, as the API's schema counts: composing never lengthens a name past what was accepted.
        guard trimmed.unicodeScalars.count <= maximumScalars else {
            throw refuse("it has \(trimmed.unicodeScalars.count) characters; at most \(maximumScalars) are allowed")
        }
        return trimmed.precomposedStringWithCanonicalMapping
    }

    /// Controls, line and paragraph separators, and the invisible characters that make two names look alike or
    /// reorder the text around them (zero-width spaces, bidirectional marks, embeddings, overrides and isolates).
    /// The joiners U+200C and U+200D stay allowed: Persian, Indic scripts and emoji sequences need them. The API's
    /// schema (`NewTeam.name`'s pattern) lists the same ranges.
    public static let refused: [ClosedRange<UInt32>] = [
        0x0000...0x001F, 0x007F...0x009F, 0x00AD...0x00AD, 0x061C...0x061C, 0x180E...0x180E, 0x200B...0x200B,
        0x200E...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF...0xFEFF, 0xFFF9...0xFFFB,
    ]
}
