/// Something that delivers mail: `SMTPMailSender` in production, `LogMailSender` in development, a recorder in
/// tests. Callers depend on this protocol so a server can run without a mail server.
public protocol MailSender: Sendable {
    /// Delivers `message`, or throws (a `MailError` for a refused message or a failed delivery).
    func send(_ message: MailMessage) async throws
}
