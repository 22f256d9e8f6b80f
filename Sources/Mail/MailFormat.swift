import Foundation

/// Renders a `MailMessage` as the RFC 5322 text an SMTP server accepts after `DATA`: ASCII only, CRLF line ends,
/// headers first, then a quoted-printable UTF-8 body. Pure apart from the random Message-ID, so what is sent can be
/// checked without a server. It refuses what would let a recipient or subject add headers of its own.
public enum MailFormat {
    /// The full text of `message` from `from`, dated `date`. Throws a `MailError` naming the field if an address is
    /// not a plain `local@domain` of at most 254 bytes, or if an address or the subject holds CR, LF or NUL.
    public static func render(_ message: MailMessage, from: String, date: Date = Date()) throws(MailError) -> String {
        try check(message)
        if let problem = addressProblem(from) { throw .field("From", from, problem) }
        let headers = [
            "Date: \(rfc5322Date(date))",
            "From: \(from)",
            "To: \(message.to)",
            subjectHeader(message.subject),
            "Message-ID: \(messageID(from: from))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + quotedPrintable(message.text)
    }

    /// Throws the `MailError` `render` would throw for the recipient or subject of `message`; for senders that do
    /// not render (`LogMailSender`) but must refuse the same messages.
    public static func check(_ message: MailMessage) throws(MailError) {
        if let problem = addressProblem(message.to) { throw .field("To", message.to, problem) }
        if let problem = lineBreakProblem(message.subject) { throw .field("Subject", message.subject, problem) }
    }

    /// A fresh `<random@domain>` with the sender's domain, as RFC 5322 asks: unique, and traceable to the sender.
    static func messageID(from: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        return "<\(UUID().uuidString.lowercased())@\(domain)>"
    }

    /// Why `text` cannot go in a header line, if it holds CR, LF or NUL: each would end the header early and let
    /// the rest of the value be read as headers of the attacker's choosing (`Bcc:`) or as the body.
    static func lineBreakProblem(_ text: String) -> String? {
        // Scalars, not Characters: "\r\n" is one Character and would slip past a search for "\r" or "\n".
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": return "contains a carriage return (CR), which would start another header"
            case "\n": return "contains a line feed (LF), which would start another header"
            case "\0": return "contains a NUL character"
            default: continue
            }
        }
        return nil
    }
}
