import Foundation
import HTTPTypes
import Hummingbird
import Store

extension WebHandlers {
    /// The sign-in page: an account's e-mail address and password, or a token an organiser issued.
    func signInForm(_ request: PageRequest, problem: String? = nil, notice: String? = nil, email: String = "", tokenProblem: Bool = false) throws -> Response {
        try preSessionPage(.signIn, "sign-in", title: "Sign in", request: request,
                           values: ["next": Self.safeNext(request.request.uri.queryParameters.get("next")),
                                    "problem": problem ?? "", "hasProblem": problem != nil, "tokenProblem": tokenProblem,
                                    "accountProblem": problem != nil && !tokenProblem, "email": email,
                                    "notice": notice ?? "", "hasNotice": notice != nil],
                           status: problem == nil ? .ok : .unauthorized)
    }

    /// Opens a session from an e-mail address and password, or from a pasted token. Both are rate-limited per peer
    /// address (and a password per account too), and refused in words that never say whether the account or token
    /// exists. A secret is never shown back.
    func signIn(_ request: PageRequest) async throws -> Response {
        let form = try await FormFields.read(request.request)
        try requirePreSessionForm(form, request: request, path: Page.signIn.path, what: "sign-in form")
        let peer = request.context.peer ?? "unknown"
        let (now, lifetime) = (now(), sessionLifetime)
        let session: WebSession
        if let typed = form["email"] {
            let password = form["password"] ?? ""
            guard let email = EmailAddress(typed), !password.isEmpty,
                  let opened = try await accounts.signIn(email: email, password: password, peer: peer, now: now, lifetime: lifetime)
            else {
                return try signInForm(request, problem: "That e-mail address and password do not match an account. Check both, or choose a new password.",
                                      email: String(typed.prefix(254)))
            }
            session = opened
        } else {
            if let wait = await signIns.spend(1, key: "peer:\(peer)") {
                throw APIError.rateLimited("too many sign-in attempts from this address", wait: wait)
            }
            let token = (form["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty, token.utf8.count <= 256,
                  let opened = try await api.blocking({ [store] in try store.openSession(token: token, now: now, lifetime: lifetime) })
            else {
                return try signInForm(request, problem: "That token is not valid: it may have been mistyped or revoked. Paste it again, or ask the organisers for a new one.",
                                      tokenProblem: true)
            }
            session = opened
        }
        let next = Self.safeNext(form["next"])
        let destination = next.isEmpty ? try await landing(for: Caller(session.identity)) : next
        return Self.redirect(to: destination, cookies: [
            cookies.setting(SessionCookie.session, to: session.id, maxAge: Int(lifetime)),
            cookies.clearing(SessionCookie.signIn, path: Page.signIn.path),
        ])
    }

    func signOut(_ request: PageRequest) async throws -> Response {
        let form = try await FormFields.read(request.request)
        if let session = request.visitor.session {
            try requireCSRF(form["csrf"], visitor: request.visitor)
            let now = now()
            try await api.blocking { [store] in try store.endSession(id: session.id, now: now) }
        }
        return Self.redirect(to: "/", cookies: [cookies.clearing(SessionCookie.session)])
    }

    /// The page of a form a visitor without a session posts (`Page.isPreSessionForm`): its form token in
    /// `formToken`, and the cookie, limited to the form's path, that must come back with it: a form posted from
    /// another site cannot know it.
    func preSessionPage(_ form: Page, _ template: String, title: String, request: PageRequest, values: [String: Any],
                        status: HTTPResponse.Status = .ok) throws -> Response {
        let token = RandomSecret.formToken()
        var response = try page(template, title: title, visitor: request.visitor, values: values.merging(["formToken": token]) { $1 }, status: status)
        response.headers.append(HTTPField(name: .setCookie, value: cookies.setting(SessionCookie.signIn, to: token, maxAge: 3600, path: form.path)))
        return response
    }

    func requirePreSessionForm(_ form: FormFields, request: PageRequest, path: String, what: String) throws {
        guard let expected = SessionCookie.value(SessionCookie.signIn, in: request.request.headers),
              let sent = form["csrf"], AccessToken.constantTimeEquals(sent, expected)
        else {
            throw APIError(.forbidden, code: "invalid-csrf", message: "this \(what) has expired or did not come from this site; open its page again")
        }
    }

    /// Where a visitor goes after signing in: a team to its challenge, an annotator to its reading, an account to its
    /// page, everyone else home.
    private func landing(for caller: Caller) async throws -> String {
        switch caller {
        case .annotator: return "/annotate"
        case .participant: return "/account"
        case .team(let team): return "/challenges/\(try await api.blocking { [store] in try store.challengeSlug(id: team.challengeID) })"
        default: return "/"
        }
    }

    /// A `next` path on this site only (`/…`, never `//host` or a scheme), so sign-in cannot redirect elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.utf8.count <= 512,
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return "" }
        return next
    }
}
