import Foundation
import Mail
import Synchronization

/// Keeps the mails a test server sends, in order, so tests can follow the links in them.
final class MailOutbox: MailSender {
    private let sent = Mutex<[MailMessage]>([])

    func send(_ message: MailMessage) async throws {
        sent.withLock { $0.append(message) }
    }

    var messages: [MailMessage] { sent.withLock { $0 } }

    /// The first link to this site's `path` in the last mail to `address`.
    func link(to address: String, path: String) -> String? {
        guard let text = messages.last(where: { $0.to == address })?.text,
              let start = text.range(of: "http://127.0.0.1:8080" + path)
        else { return nil }
        let rest = text[start.upperBound...]
        return path + String(rest.prefix { !$0.isWhitespace })
    }
}
