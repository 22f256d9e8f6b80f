import Foundation

/// How much a team may submit to a phase.
public struct SubmissionLimits: Sendable, Equatable, Codable {
    /// At most this many accepted submissions in any window of `periodSeconds` (a rolling window).
    public let perPeriod: Int?
    public let periodSeconds: Int?
    /// At most this many accepted submissions over the whole phase.
    public let total: Int?
    /// Largest accepted prediction file.
    public let maxFileBytes: Int

    public static let defaultMaxFileBytes = 50 * 1024 * 1024

    public init(perPeriod: Int?, periodSeconds: Int?, total: Int?, maxFileBytes: Int = Self.defaultMaxFileBytes) {
        self.perPeriod = perPeriod
        self.periodSeconds = periodSeconds
        self.total = total
        self.maxFileBytes = maxFileBytes
    }

    /// Reads `90s`, `30m`, `12h`, `1d`, `2w` as seconds, from 1 second to `maximumSeconds`.
    public static func parseSeconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = text.last, let scale = units[unit], let count = Int(text.dropLast()), count > 0 else {
            return nil
        }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: scale)
        return overflow || seconds > maximumSeconds ? nil : seconds
    }

    /// The longest duration a challenge may give (520 weeks, about ten years): longer than any challenge runs, and
    /// short enough that a wait made of it is a number of seconds every caller can hold.
    public static let maximumSeconds = 520 * 604_800

    /// Reads `500KB`, `10MB`, `1GB` (powers of 1024) or a plain byte count, from 1 byte to `maximumBytes`.
    public static func parseBytes(_ text: String) -> Int? {
        let units: [(suffix: String, scale: Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
        let unit = units.first { text.uppercased().hasSuffix($0.suffix) }
        guard let count = Int(unit.map { text.dropLast($0.suffix.count).trimmingCharacters(in: .whitespaces) } ?? text) else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit?.scale ?? 1)
        return !overflow && (1...maximumBytes).contains(bytes) ? bytes : nil
    }

    /// The largest size a challenge may give (1024GB): far above any upload or image, and far enough below `Int.max`
    /// that the sums made of it (a form's headers on top of a file's limit, say) never overflow.
    public static let maximumBytes = 1 << 40

    /// `3 per 1d`, for messages.
    public static func describeSeconds(_ seconds: Int) -> String {
        for (unit, scale) in [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)] where seconds % scale == 0 {
            return "\(seconds / scale)\(unit)"
        }
        return "\(seconds)s"
    }
}
