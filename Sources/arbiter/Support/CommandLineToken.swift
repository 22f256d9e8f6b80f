import ArgumentParser
import Foundation

/// The token a command acts with: its `--token`, else the `ARBITER_TOKEN` variable (which keeps it out of `ps`).
enum CommandLineToken {
    static func resolve(_ option: String?) throws -> String {
        guard let token = option ?? ProcessInfo.processInfo.environment["ARBITER_TOKEN"] else {
            throw ValidationError("no token: pass --token or set ARBITER_TOKEN")
        }
        return token
    }
}

extension APIClient {
    /// The API of the server a command's `--server` names, asked with `token`.
    init(serverOption server: String, token: String) throws {
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--server must be an http or https URL, not \(server)")
        }
        self.init(server: url, token: token)
    }
}
