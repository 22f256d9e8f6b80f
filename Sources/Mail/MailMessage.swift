/// One plain-text e-mail to one recipient: what the platform sends (verification links, password resets, notices).
/// Plain text only, so nothing in a message needs HTML escaping and every mail client shows it the same way.
public struct MailMessage: Sendable, Equatable {
    /// The recipient's bare address (`someone@example.org`), without a display name.
    public var to: String
    /// The subject line; any Unicode, encoded for the header when it is not ASCII.
    public var subject: String
    /// The body; line ends may be LF, CRLF or CR and are sent as CRLF.
    public var text: String

    /// A message to `to`; nothing is checked until it is rendered or sent (see `MailFormat.check`).
    public init(to: String, subject: String, text: String) {
        self.to = to
        self.subject = subject
        self.text = text
    }
}
