import Foundation

/// An instant as the pages show it: `2027-03-31 23:59 UTC` in the text, the exact instant in `<time datetime>`, from
/// which the page's script adds the viewer's local time and a phrase such as "closes in 3 days".
enum PageTime {
    static func values(_ date: Date) -> [String: String] {
        ["iso": date.formatted(.iso8601), "utc": utc(date)]
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }

    /// `14:05 UTC` for a time today, the full form otherwise.
    static func short(_ date: Date, now: Date) -> String {
        let full = utc(date)
        return full.prefix(10) == utc(now).prefix(10) ? String(full.dropFirst(11)) : full
    }
}
