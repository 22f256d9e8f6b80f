import Foundation
import HTTPTypes
import Hummingbird
import Store

extension WebHandlers {
    /// The sign-in form. Without a session there is no CSRF token to carry, so the form gets one of its own, paired
    /// with a cookie only this path receives: a form posted from another site cannot know it.
    func signInForm(_ request: PageRequest, problem: String? = nil) throws -> Response {
        let formToken = RandomSecret.formToken()
        var response = try page("sign-in", title: "Sign in", visitor: request.visitor,
                                values: ["formToken": formToken, "next": Self.safeNext(request.request.uri.queryParameters.get("next")),
                                         "problem": problem ?? "", "hasProblem": problem != nil],
                                status: problem == nil ? .ok : .unauthorized)
        response.headers.append(HTTPField(name: .setCookie, value: cookies.setting(SessionCookie.signIn, to: formToken, maxAge: 3600, path: "/sign-in")))
        return response
    }

    /// Opens a session from the pasted token: rate-limited per address, refused with the same words whether the token
    /// never existed or was revoked. The token itself is never shown back.
    func signIn(_ request: PageRequest) async throws -> Response {
        let form = try await FormFields.read(request.request)
        guard let expected = SessionCookie.value(SessionCookie.signIn, in: request.request.headers),
              let sent = form["csrf"], AccessToken.constantTimeEquals(sent, expected)
        else {
            throw APIError(.forbidden, code: "invalid-csrf", message: "this sign-in form has expired or did not come from this site; open the sign-in page again")
        }
        if let wait = await signIns.spend(1, key: "peer:\(request.context.peer ?? "unknown")") {
            throw APIError(.tooManyRequests, code: "rate-limited", message: "too many sign-in attempts from this address; retry in \(APIHandlers.seconds(wait)) s",
                           retryAfterSeconds: APIHandlers.seconds(wait))
        }
        let token = (form["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let (now, lifetime) = (now(), sessionLifetime)
        guard !token.isEmpty, token.utf8.count <= 256,
              let session = try await api.blocking({ [store] in try store.openSession(token: token, now: now, lifetime: lifetime) })
        else {
            return try signInForm(request, problem: "That token is not valid: it may have been mistyped or revoked. Paste it again, or ask the organisers for a new one.")
        }
        let next = Self.safeNext(form["next"])
        let destination = next.isEmpty ? try await landing(for: Caller(session.identity)) : next
        return Self.redirect(to: destination, cookies: [
            cookies.setting(SessionCookie.session, to: session.id, maxAge: Int(lifetime)),
            cookies.clearing(SessionCookie.signIn, path: "/sign-in"),
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

    /// Where a visitor goes after signing in: a team to its challenge, an annotator to its reading, everyone else home.
    private func landing(for caller: Caller) async throws -> String {
        if case .annotator = caller { return "/annotate" }
        guard case .team(let team) = caller else { return "/" }
        return "/challenges/\(try await api.blocking { [store] in try store.challengeSlug(id: team.challengeID) })"
    }

    /// A `next` path on this site only (`/…`, never `//host` or a scheme), so sign-in cannot redirect elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.utf8.count <= 512,
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return "" }
        return next
    }
}
