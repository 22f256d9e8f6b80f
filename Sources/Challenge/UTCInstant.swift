import Foundation

/// ISO 8601 instants as the spec and every output writes them: UTC, whole seconds.
public enum UTCInstant {
    /// Parses `2026-03-01T00:00:00Z` or with an explicit offset such as `+01:00`; a time
    /// without an offset is refused because a deadline must not depend on the server's zone.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("Z") || trimmed.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil
        else { return nil }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? Date(trimmed, strategy: .iso8601)) ?? (try? Date(trimmed, strategy: withFraction))
    }

    /// `2026-03-01T00:00:00Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
