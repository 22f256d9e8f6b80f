import Foundation

/// Where and how `SMTPMailSender` delivers: the server, the envelope sender, credentials and limits. Built by
/// `parse(url:from:)`, which checks the URL and the sender once at start-up rather than at the first message.
public struct SMTPSettings: Sendable, Equatable {
    /// The server as `smtp://host:port` (STARTTLS, port 587 or 25) or `smtps://host:port` (TLS from the first byte,
    /// port 465). Holds no credentials.
    public let url: String
    /// The sender's address, used for the envelope (`MAIL FROM`), the `From` header and the `Message-ID` domain.
    public let from: String
    /// The user name to log in with, if the server needs one.
    public var username: String?
    /// The password to log in with; never printed (see `description`) and never put in a `MailError`.
    public var password: String?
    /// Whether an `smtp://` connection must switch to TLS with STARTTLS (`CURLUSESSL_ALL`). When false, STARTTLS is
    /// used if the server offers it and the mail goes in clear otherwise (`CURLUSESSL_TRY`), which suits a local
    /// relay; require it for any server across a network.
    public var requiresSTARTTLS: Bool
    /// The longest a connection, and separately a whole delivery, may take, in seconds.
    public var timeoutSeconds: Int

    private init(url: String, from: String) {
        self.url = url
        self.from = from
        username = nil
        password = nil
        requiresSTARTTLS = false
        timeoutSeconds = 20
    }

    /// Settings for the server at `url` sending as `from`, with STARTTLS tried, no login and a 20 s timeout.
    /// Throws a `MailError` naming the offending value unless `url` is `smtp://` or `smtps://` with a host (and
    /// nothing else but a port) and `from` is a plain `local@domain` address.
    public static func parse(url: String, from: String) throws(MailError) -> SMTPSettings {
        if let problem = MailFormat.addressProblem(from) { throw .setting("from", from, problem) }
        return SMTPSettings(url: try serverURL(url), from: from)
    }

    /// `text` as `scheme://host[:port]`, or the reason it cannot serve as an SMTP server URL.
    private static func serverURL(_ text: String) throws(MailError) -> String {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .setting("url", text, "not a URL; expected smtp://host:port or smtps://host:port")
        }
        guard scheme == "smtp" || scheme == "smtps" else {
            throw .setting("url", text, "the scheme must be smtp or smtps, not \(scheme)")
        }
        guard components.user == nil && components.password == nil else {
            // Only the host is shown: the rest of the URL holds the password.
            throw .setting(
                "url", "\(scheme)://…@\(components.host ?? "")",
                "credentials in the URL are not allowed; set username and password on their own")
        }
        guard let host = components.host, !host.isEmpty else { throw .setting("url", text, "the URL has no host") }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil
        else { throw .setting("url", text, "the URL may hold only a scheme, a host and a port") }
        guard let port = components.port else { return "\(scheme)://\(bracketed(host))" }
        guard (1...65535).contains(port) else { throw .setting("url", text, "the port must be in 1...65535") }
        return "\(scheme)://\(bracketed(host)):\(port)"
    }

    /// An IPv6 literal in brackets, as URLs write it; any other host as is.
    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}

extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// The settings with the password masked, so logging them does not leak it.
    public var description: String {
        let login = username.map { " as \($0)\(password == nil ? "" : " (password set)")" } ?? ""
        let tls = requiresSTARTTLS ? "STARTTLS required" : "STARTTLS if offered"
        return "SMTP \(url) from \(from)\(login), \(tls), timeout \(timeoutSeconds) s"
    }

    public var debugDescription: String { description }
}
