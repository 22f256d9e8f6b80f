import Foundation
import Mail
import Testing

@Suite struct SMTPMailSenderTests {
    static let text = "Welcome.\n.\nVerify: https://arbiter.example/verify?token=abc=def\nGrüße\n"
        + String(repeating: "a long line ", count: 10) + "\n"

    @Test(.timeLimit(.minutes(1)))
    func failureAtAClosedPortNamesServerAndRecipient() async throws {
        let port = try LoopbackSocket.closedPort()
        var settings = try SMTPSettings.parse(url: "smtp://127.0.0.1:\(port)", from: "arbiter@example.org")
        settings.timeoutSeconds = 10
        let sender = SMTPMailSender(settings: settings)
        let error = try await #require(throws: MailError.self) {
            try await sender.send(MailMessage(to: "reader@example.org", subject: "Hello", text: "Body"))
        }
        #expect(error.code == .transferFailed)
        #expect(error.description.contains("smtp://127.0.0.1:\(port)"))
        #expect(error.description.contains("reader@example.org"))
        #expect(error.curlCode != nil)
    }

    @Test(.timeLimit(.minutes(2)))
    func cancellingStopsATransferWaitingForTheServer() async throws {
        // A server that lets the client connect (the kernel completes the handshake) but never greets it.
        let silent = try LoopbackSocket(listening: 1)
        defer { close(silent.descriptor) }
        var settings = try SMTPSettings.parse(url: "smtp://127.0.0.1:\(silent.port)", from: "arbiter@example.org")
        settings.timeoutSeconds = 120
        let sender = SMTPMailSender(settings: settings)
        let started = ContinuousClock.now
        let sending = Task { try await sender.send(MailMessage(to: "reader@example.org", subject: "Hello", text: "Body")) }
        // Waited for on a thread of its own: a blocked cooperative thread could keep the send from starting at all.
        try await LoopbackSocket.readable(silent.descriptor, within: 40)
        sending.cancel()
        await #expect(throws: CancellationError.self) { try await sending.value }
        #expect(ContinuousClock.now - started < .seconds(100), "cancelled well before libcurl's own 120 s timeout")
    }

    @Test(.timeLimit(.minutes(1)))
    func deliversThroughALocalSMTPServer() async throws {
        let sink = try SMTPSink()
        var settings = try SMTPSettings.parse(url: "smtp://127.0.0.1:\(sink.port)", from: "arbiter@example.org")
        settings.timeoutSeconds = 30
        let subject = "Bestätigen Sie Ihre Adresse"
        let serving = sink.start()
        let message = MailMessage(to: "reader@example.org", subject: subject, text: Self.text)
        try await SMTPMailSender(settings: settings).send(message)
        let capture = try await serving.capture()
        #expect(capture.commands.contains("MAIL FROM:<arbiter@example.org>"))
        #expect(capture.commands.contains("RCPT TO:<reader@example.org>"))
        #expect(capture.commands.last == "QUIT")
        #expect(capture.wire.components(separatedBy: "\r\n").contains(".."), "libcurl doubles a line's leading dot")
        let mail = try RenderedMail(capture.message)
        #expect(try mail.decodedSubject() == subject)
        #expect(mail.body == Self.text.replacingOccurrences(of: "\n", with: "\r\n"))
    }
}
