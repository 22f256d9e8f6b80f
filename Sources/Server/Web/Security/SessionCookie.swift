import Foundation
import HTTPTypes

/// The cookies of the portal: the session's id, and before signing in the sign-in form's own CSRF token (a
/// double-submit pair, since there is no session yet to hold one). Both are HttpOnly and SameSite=Strict, so no script
/// reads them and no other site's form or link sends them; `Secure` when the portal is served over TLS.
struct SessionCookie {
    static let session = "arbiter_session"
    static let signIn = "arbiter_sign_in"

    let secure: Bool

    func setting(_ name: String, to value: String, maxAge: Int, path: String = "/") -> String {
        "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    func clearing(_ name: String, path: String = "/") -> String {
        setting(name, to: "", maxAge: 0, path: path)
    }

    /// A cookie's value in a request's `Cookie` headers; nil when absent. Values are our own hex secrets, so a value
    /// with anything else in it is treated as absent.
    static func value(_ name: String, in fields: HTTPFields) -> String? {
        for header in fields[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, parts[0] == name else { continue }
                let value = parts[1]
                guard !value.isEmpty, value.utf8.count <= 128,
                      value.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (48...57).contains($0) || (97...122).contains($0) })
                else { return nil }
                return value
            }
        }
        return nil
    }
}
