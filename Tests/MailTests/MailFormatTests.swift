import Foundation
import Mail
import Testing

@Suite struct MailFormatTests {
    static let longLine = String(repeating: "The verification link follows. ", count: 6)
    static let text =
        "Grüße aus Zürich — 1 + 1 = 2\n.\n\(longLine)\nhttps://arbiter.example/verify?token=abc=def\ntrailing space \n"

    static func render(subject: String = "Verify your address", text: String = text) throws -> String {
        let message = MailMessage(to: "reader@example.org", subject: subject, text: text)
        return try MailFormat.render(message, from: "arbiter@example.org", date: Date(timeIntervalSince1970: 0))
    }

    @Test func everyLineEndsWithCRLF() throws {
        let bytes = Array(try Self.render().utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A)
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
    }

    @Test func rendersTheHeadersInOrder() throws {
        let mail = try RenderedMail(try Self.render())
        #expect(mail.headers.map { $0.prefix { $0 != ":" } } == [
            "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        ])
        #expect(mail.header("Date") == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(mail.header("From") == "arbiter@example.org")
        #expect(mail.header("To") == "reader@example.org")
        #expect(mail.header("Subject") == "Verify your address")
        #expect(mail.header("MIME-Version") == "1.0")
        #expect(mail.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(mail.header("Content-Transfer-Encoding") == "quoted-printable")
    }

    @Test func messageIDIsRandomAtTheSendersDomain() throws {
        let first = try #require(try RenderedMail(try Self.render()).header("Message-ID"))
        let second = try #require(try RenderedMail(try Self.render()).header("Message-ID"))
        #expect(first.hasPrefix("<") && first.hasSuffix("@example.org>"))
        #expect(first != second)
    }

    @Test func encodesANonASCIISubject() throws {
        let subject = "Bestätigen Sie Ihre Adresse für die Challenge — 🧪 Grüße an alle Teilnehmenden"
        let rendered = try Self.render(subject: subject)
        let mail = try RenderedMail(rendered)
        #expect(mail.header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
        #expect(try mail.decodedSubject() == subject)
        for line in rendered.components(separatedBy: "\r\n") where line.contains("=?UTF-8?B?") { #expect(line.utf8.count <= 78) }
    }

    @Test func encodesASubjectThatLooksLikeAnEncodedWord() throws {
        let mail = try RenderedMail(try Self.render(subject: "=?UTF-8?B?QQ==?="))
        #expect(try mail.decodedSubject() == "=?UTF-8?B?QQ==?=")
    }

    @Test func bodyRoundTripsThroughQuotedPrintable() throws {
        let mail = try RenderedMail(try Self.render())
        #expect(mail.body == Self.text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func keepsALineOfALoneDot() throws {
        // libcurl doubles it on the wire; the message itself keeps the line as written.
        let mail = try RenderedMail(try Self.render())
        #expect(mail.rawBody.components(separatedBy: "\r\n").contains("."))
        #expect(mail.body.components(separatedBy: "\r\n").contains("."))
    }

    @Test func softBreaksLongLinesAt76Characters() throws {
        let mail = try RenderedMail(try Self.render())
        let lines = mail.rawBody.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.contains { $0.hasSuffix("=") && $0.utf8.count == 76 })
    }

    @Test func escapesEqualsSignsNonASCIIAndTrailingSpace() throws {
        let body = try RenderedMail(try Self.render()).rawBody
        #expect(body.contains("1 + 1 =3D 2"))
        #expect(body.contains("token=3Dabc=3Ddef"))
        #expect(body.contains("Gr=C3=BC=C3=9Fe"))
        #expect(body.contains("trailing space=20\r\n"))
        #expect(body.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func normalisesCRAndCRLFLineEnds() throws {
        let mail = try RenderedMail(try Self.render(text: "one\r\ntwo\rthree\n\nfive"))
        #expect(mail.body == "one\r\ntwo\r\nthree\r\n\r\nfive\r\n")
    }
}
