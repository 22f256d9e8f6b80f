import Logging
import Mail
import Testing

@Suite struct LogMailSenderTests {
    @Test func logsRecipientSubjectAndFullTextAtNotice() async throws {
        let recorder = LogRecorder()
        let sender = LogMailSender(logger: Logger(label: "mail-test") { _ in recorder })
        let text = "Open this link to verify:\nhttps://arbiter.example/verify?token=abc=def\n"
        try await sender.send(MailMessage(to: "reader@example.org", subject: "Verify", text: text))
        let events = recorder.events
        let event = try #require(events.first)
        #expect(events.count == 1)
        #expect(event.level == .notice)
        #expect(event.message.description.contains(text))
        #expect(event.metadata?["mail.to"] == "reader@example.org")
        #expect(event.metadata?["mail.subject"] == "Verify")
    }

    @Test func refusesWhatSMTPWouldRefuse() async throws {
        let recorder = LogRecorder()
        let sender = LogMailSender(logger: Logger(label: "mail-test") { _ in recorder })
        await #expect(throws: MailError.self) {
            try await sender.send(MailMessage(to: "reader@example.org", subject: "Hi\r\nBcc: x@y.z", text: ""))
        }
        #expect(recorder.events.isEmpty)
    }
}
