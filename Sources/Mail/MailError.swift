/// Why a message was refused or not delivered: the field or setting at fault with its value, or the recipient and
/// server of the failed transfer with libcurl's own explanation. Never holds a password, so it is safe to log and to
/// show to an operator.
public struct MailError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is.
    public enum Code: String, Sendable {
        /// A header field of the message (`To`, `From`, `Subject`) is malformed or would inject headers.
        case invalidField
        /// An SMTP setting (the server URL, the sender, the timeout) is unusable.
        case invalidSettings
        /// libcurl failed to set up or to complete the SMTP transfer.
        case transferFailed
    }

    /// What kind of failure this is.
    public let code: Code
    /// The header field or setting at fault (`To`, `Subject`, `url`), for `invalidField` and `invalidSettings`.
    public let field: String?
    /// The offending value of `field`, as given.
    public let value: String?
    /// The recipient of the failed transfer.
    public let recipient: String?
    /// The server URL of the failed transfer (`smtp://host:port`, never with credentials).
    public let server: String?
    /// libcurl's result code for a failed transfer (`CURLcode`), for looking up in libcurl-errors(3).
    public let curlCode: Int?
    /// Why it failed, in words.
    public let reason: String

    /// A malformed or dangerous header field of a message.
    static func field(_ field: String, _ value: String, _ reason: String) -> MailError {
        MailError(
            code: .invalidField, field: field, value: value, recipient: nil, server: nil, curlCode: nil, reason: reason)
    }

    /// An unusable SMTP setting; `value` must not be a password.
    static func setting(_ field: String, _ value: String, _ reason: String) -> MailError {
        MailError(
            code: .invalidSettings, field: field, value: value, recipient: nil, server: nil, curlCode: nil, reason: reason)
    }

    /// A transfer to `recipient` through `server` that libcurl could not set up or complete.
    static func transfer(recipient: String, server: String, curlCode: Int?, _ reason: String) -> MailError {
        MailError(
            code: .transferFailed, field: nil, value: nil, recipient: recipient, server: server, curlCode: curlCode,
            reason: reason)
    }

    public var description: String {
        switch code {
        case .invalidField:
            "mail header \(field ?? "?") refused: \(reason); got \(Self.quoted(value))"
        case .invalidSettings:
            "SMTP setting \(field ?? "?") refused: \(reason); got \(Self.quoted(value))"
        case .transferFailed:
            "sending mail to \(recipient ?? "?") through \(server ?? "?") failed: \(reason)"
        }
    }

    /// The value in quotes with control characters escaped (so a smuggled line feed shows as `\n`), cut to a
    /// readable length.
    private static func quoted(_ value: String?) -> String {
        guard let value else { return "nothing" }
        let limit = 200
        let shown = value.count > limit ? String(value.prefix(limit)) + "…" : value
        return String(reflecting: shown)
    }
}
