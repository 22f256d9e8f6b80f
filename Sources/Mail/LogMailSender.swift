import Logging

/// The development default: writes each message to the log instead of sending it, so a verification or reset link
/// can be copied from the server's output without a mail server. It refuses the same messages `SMTPMailSender`
/// refuses (header injection, malformed addresses), so development does not hide those failures.
public struct LogMailSender: MailSender {
    /// Where messages are written, at `.notice` so they show at the default log level.
    public let logger: Logger

    /// A sender that writes to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Logs the recipient, subject and full text of `message`; throws `MailError` if it could not be sent by SMTP.
    public func send(_ message: MailMessage) async throws {
        try MailFormat.check(message)
        logger.notice(
            "mail not sent (development sender) to \(message.to): \(message.subject)\n\(message.text)",
            metadata: ["mail.to": .string(message.to), "mail.subject": .string(message.subject)])
    }
}
