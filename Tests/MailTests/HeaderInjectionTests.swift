import Mail
import Testing

@Suite struct HeaderInjectionTests {
    static func render(to: String = "reader@example.org", subject: String = "Hello", from: String = "arbiter@example.org")
        throws(MailError) -> String
    {
        try MailFormat.render(MailMessage(to: to, subject: subject, text: "Body"), from: from)
    }

    static func refusal(_ render: () throws(MailError) -> String) -> MailError? {
        do {
            _ = try render()
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["Hello\r\nBcc: victim@example.org", "Hello\nBcc: victim@example.org", "Hello\rBcc: x", "Hello\0"])
    func refusesALineBreakOrNULInTheSubject(subject: String) throws {
        let error = try #require(Self.refusal { () throws(MailError) in try Self.render(subject: subject) })
        #expect(error.code == .invalidField)
        #expect(error.field == "Subject")
        #expect(error.value == subject)
        #expect(error.description.hasPrefix("mail header Subject refused"))
    }

    @Test func refusesALineBreakInTheRecipientNamingTheValue() throws {
        let to = "reader@example.org\r\nBcc: victim@example.org"
        let error = try #require(Self.refusal { () throws(MailError) in try Self.render(to: to) })
        #expect(error.field == "To")
        #expect(error.description.contains("To refused"))
        #expect(error.description.contains(#"reader@example.org\r\nBcc: victim@example.org"#))
    }

    @Test func refusesALineBreakInTheSender() throws {
        let error = try #require(Self.refusal { () throws(MailError) in try Self.render(from: "a@example.org\nX: y") })
        #expect(error.field == "From")
    }

    @Test(arguments: [
        "", "reader", "@example.org", "reader@", "a@b@example.org", "Reader <reader@example.org>", "reader@example.org, x@y.z",
        "re ader@example.org", "reader..x@example.org", "reader@-example.org", "reader@example..org", "rëader@example.org",
        String(repeating: "a", count: 65) + "@example.org", "a@" + String(repeating: "b", count: 253),
    ])
    func refusesAnythingButAPlainAddress(to: String) throws {
        let error = try #require(Self.refusal { () throws(MailError) in try Self.render(to: to) })
        #expect(error.code == .invalidField && error.field == "To" && error.value == to)
    }

    @Test(arguments: ["reader@example.org", "first.last+tag@mail.example.co.uk", "root@localhost", "o'neil@example.org"])
    func acceptsPlainAddresses(to: String) throws {
        _ = try Self.render(to: to)
    }
}
