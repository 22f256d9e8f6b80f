import Foundation

extension MailFormat {
    /// Raw subject bytes per RFC 2047 encoded word: 42 bytes are 56 base64 characters, so `Subject: ` and the first
    /// word fit in 77 characters and every word stays under the 75 RFC 2047 allows.
    static let encodedWordBytes = 42

    /// The `Subject` header: as is when it is short printable ASCII, otherwise as `=?UTF-8?B?…?=` words folded onto
    /// continuation lines. Splits on Unicode scalars, so no word ends inside a UTF-8 sequence.
    static func subjectHeader(_ subject: String) -> String {
        let plain = subject.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        // "=?" in a plain subject would be read as the start of an encoded word.
        if plain && !subject.contains("=?") && "Subject: \(subject)".utf8.count <= 78 { return "Subject: \(subject)" }
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in subject.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > encodedWordBytes {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return "Subject: " + words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` in RFC 5322's format in UTC (`Thu, 01 Jan 1970 00:00:00 +0000`), with English names whatever the
    /// process locale, as the RFC requires.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        let time = [parts.hour, parts.minute, parts.second].map { twoDigits($0 ?? 0) }.joined(separator: ":")
        return "\(weekday), \(twoDigits(parts.day ?? 1)) \(month) \(parts.year ?? 1970) \(time) +0000"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
