extension MailFormat {
    /// The longest encoded line RFC 2045 allows, counting a soft break's trailing `=`.
    static let quotedPrintableLineLength = 76

    /// `text` as quoted-printable UTF-8 (RFC 2045 section 6.7) with CRLF after every line: `=`, control characters and
    /// non-ASCII bytes as `=XX`, a space or tab at a line's end as `=20`/`=09`, and lines over 76 characters broken
    /// with a soft `=`. LF, CRLF and lone CR in `text` all count as line ends. A line that is only `.` stays as is:
    /// libcurl doubles it for SMTP and the server removes the extra dot.
    static func quotedPrintable(_ text: String) -> String {
        lines(Array(text.utf8)).map { encodedLine($0) + "\r\n" }.joined()
    }

    /// The lines of `bytes` without their ends; a final line end does not start an empty last line, and empty text is
    /// one empty line.
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0D || byte == 0x0A else {
                index += 1
                continue
            }
            lines.append(bytes[start..<index])
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        if start < bytes.count || lines.isEmpty { lines.append(bytes[start...]) }
        return lines
    }

    /// One line of text encoded, with soft breaks; an `=XX` is never split.
    private static func encodedLine(_ line: ArraySlice<UInt8>) -> String {
        var output = ""
        var current = ""
        for index in line.indices {
            let token = encodedByte(line[index], atEnd: index == line.index(before: line.endIndex))
            // Room for the soft break's "=" unless this is the line's last token.
            let limit = index == line.index(before: line.endIndex) ? quotedPrintableLineLength : quotedPrintableLineLength - 1
            if current.utf8.count + token.utf8.count > limit {
                output += current + "=\r\n"
                current = ""
            }
            current += token
        }
        return output + current
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func encodedByte(_ byte: UInt8, atEnd: Bool) -> String {
        let literal = (33...126).contains(byte) && byte != UInt8(ascii: "=")
        let blank = (byte == 0x20 || byte == 0x09) && !atEnd
        if literal || blank { return String(UnicodeScalar(byte)) }
        return "=\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0x0F)])"
    }
}
