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

    /// A cookie's value in a request's `Cookie` headers (see `FormEncoding.cookie`).
    static func value(_ name: String, in fields: HTTPFields) -> String? {
        FormEncoding.cookie(name, in: fields[values: .cookie])
    }
}
