import Foundation

/// Sends mail through an SMTP server with libcurl, one connection per message: mail here is rare (sign-ups, resets),
/// so a pool would only hold idle connections for servers to drop.
public struct SMTPMailSender: MailSender {
    /// The server, sender, credentials and limits every message uses.
    public let settings: SMTPSettings

    /// A sender using `settings` (see `SMTPSettings.parse(url:from:)`).
    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Renders and delivers `message`. Throws a `MailError` for a refused message or a failed delivery, or
    /// `CancellationError` if the task is cancelled first. The blocking transfer runs on a thread of its own, so a
    /// slow server ties up that thread for up to `settings.timeoutSeconds`, not one of Swift's cooperative threads.
    public func send(_ message: MailMessage) async throws {
        guard settings.timeoutSeconds > 0 else {
            // libcurl reads a timeout of 0 as "wait forever".
            throw MailError.setting("timeoutSeconds", "\(settings.timeoutSeconds)", "the timeout must be at least 1 s")
        }
        let text = try MailFormat.render(message, from: settings.from)
        let transfer = CurlTransfer(settings: settings, recipient: message.to, upload: CurlUpload(Array(text.utf8)))
        try Task.checkCancellation()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let thread = Thread { continuation.resume(with: Result { try transfer.perform() }) }
                thread.name = "arbiter-mail"
                thread.start()
            }
        } onCancel: {
            transfer.upload.cancel()
        }
    }
}
