import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Store

extension WebHandlers {
    func signUpForm(_ request: PageRequest, problem: (field: String, text: String)? = nil, email: String = "") throws -> Response {
        try preSessionPage(.signUp, "sign-up", title: "Sign up", request: request,
                           values: ["email": email, "minimum": PasswordPolicy.minimumCharacters, "hasProblem": problem != nil,
                                    "problem": problem?.text ?? "", "problemField": problem?.field ?? ""],
                           status: problem == nil ? .ok : .unprocessableContent)
    }

    /// Creates the account (or, for a registered address, mails its owner) and answers the same page either way.
    func signUp(_ request: PageRequest) async throws -> Response {
        let form = try await FormFields.read(request.request)
        try requirePreSessionForm(form, request: request, path: Page.signUp.path, what: "sign-up form")
        if let wait = await signIns.spend(1, key: "sign-up:\(request.context.peer ?? "unknown")") {
            throw APIError.rateLimited("too many sign-ups from this address", wait: wait)
        }
        let typed = String((form["email"] ?? "").prefix(254))
        guard let email = EmailAddress(typed) else {
            return try signUpForm(request, problem: ("email", "“\(typed)” is not an e-mail address: it needs a name, an @ and a domain, such as ada@example.org."), email: typed)
        }
        let password = form["password"] ?? ""
        if let problem = PasswordPolicy.problem(with: password, email: email) {
            return try signUpForm(request, problem: ("password", Self.sentence(problem)), email: typed)
        }
        try await accounts.signUp(email: email, password: password, now: now())
        var response = try message(request, title: "Check your mail", heading: "Check your mail",
                                   text: "We have sent a mail to \(email.text). Open the link in it to confirm your address; then sign in. The link works for 48 hours.",
                                   link: ("/sign-in", "Sign in"))
        response.headers.append(HTTPField(name: .setCookie, value: cookies.clearing(SessionCookie.signIn, path: Page.signUp.path)))
        return response
    }

    /// Spends a verification link. A link is safe to spend on a plain GET: it only proves that its reader has the mail.
    func verifyEmail(_ request: PageRequest) async throws -> Response {
        let link = request.request.uri.queryParameters.get("link") ?? ""
        guard link.utf8.count <= 128, let account = try await accounts.verify(link: link, now: now()) else {
            return try message(request, title: "Link not valid", heading: "This link does not work",
                               text: "It may have been used already, have expired after 48 hours, or been cut short by your mail program. Sign in and ask for a new one on your account page.",
                               link: ("/sign-in", "Sign in"), warning: true, status: .notFound)
        }
        return try message(request, title: "Address confirmed", heading: "Address confirmed",
                           text: "Thank you: \(account.email.text) is confirmed. You can now join challenges.",
                           link: request.visitor.account == nil ? ("/sign-in", "Sign in") : ("/account", "Your account"))
    }

    func forgotForm(_ request: PageRequest) throws -> Response {
        try preSessionPage(.forgot, "forgot", title: "Choose a new password", request: request, values: [:])
    }

    func forgot(_ request: PageRequest) async throws -> Response {
        let form = try await FormFields.read(request.request)
        try requirePreSessionForm(form, request: request, path: Page.forgot.path, what: "form")
        if let wait = await signIns.spend(1, key: "forgot:\(request.context.peer ?? "unknown")") {
            throw APIError.rateLimited("too many requests from this address", wait: wait)
        }
        if let email = EmailAddress(form["email"] ?? "") { try await accounts.requestReset(email: email, now: now()) }
        return try message(request, title: "Check your mail", heading: "Check your mail",
                           text: "If that address has an account, we have mailed it a link to choose a new password. The link works for an hour.",
                           link: ("/sign-in", "Sign in"))
    }

    func resetForm(_ request: PageRequest, link: String? = nil, problem: String? = nil) throws -> Response {
        let link = link ?? request.request.uri.queryParameters.get("link").map { String($0) } ?? ""
        return try preSessionPage(.reset, "reset", title: "Choose a new password", request: request,
                                  values: ["link": link, "minimum": PasswordPolicy.minimumCharacters, "hasProblem": problem != nil,
                                           "problem": problem ?? ""],
                                  status: problem == nil ? .ok : .unprocessableContent)
    }

    func reset(_ request: PageRequest) async throws -> Response {
        let form = try await FormFields.read(request.request)
        try requirePreSessionForm(form, request: request, path: Page.reset.path, what: "form")
        let (link, password) = (form["link"] ?? "", form["password"] ?? "")
        if let problem = PasswordPolicy.problem(with: password, email: nil) {
            return try resetForm(request, link: link, problem: Self.sentence(problem))
        }
        guard link.utf8.count <= 128, try await accounts.resetPassword(link: link, password: password, now: now()) != nil else {
            return try message(request, title: "Link not valid", heading: "This link does not work",
                               text: "It may have been used already or have expired after an hour. Ask for a new one.",
                               link: ("/forgot-password", "Choose a new password"), warning: true, status: .notFound)
        }
        return Self.redirect(to: "/sign-in?changed=1", cookies: [cookies.clearing(SessionCookie.signIn, path: Page.reset.path),
                                                                 cookies.clearing(SessionCookie.session)])
    }

    /// The account's page: its address and whether it is confirmed, where it stands in each challenge, its tokens.
    func account(_ request: PageRequest) async throws -> Response {
        let account = try requireAccount(request)
        let (stored, tokens, standings) = try await api.blocking { [store] in
            let gate = ParticipantGate(store: store)
            let standings = try store.challengeSlugs().map { slug in
                let challenge = try store.challenge(slug)
                let (standing, next) = try gate.standing(of: account, in: challenge)
                return (challenge.spec, StandingText.describe(standing, next: next))
            }
            return (try store.account(id: account.id), try store.accountTokens(accountID: account.id), standings)
        }
        return try page("account", title: "Your account", visitor: request.visitor, values: [
            "email": account.email.text, "verified": stored?.isVerified ?? false,
            "challenges": standings.map { ["slug": $0.0.slug, "title": $0.0.title, "standing": $0.1] },
            "tokens": tokens.map { ["id": $0.id, "label": $0.label ?? "", "created": PageTime.values($0.createdAt), "revoked": $0.revokedAt != nil] },
            "hasTokens": !tokens.isEmpty,
        ])
    }

    func resendVerification(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let account = try requireAccount(request)
        if let wait = await signIns.spend(1, key: "verify:\(account.id)") {
            throw APIError.rateLimited("a link was mailed a moment ago", wait: wait)
        }
        try await accounts.resendVerification(account, now: now())
        return try message(request, title: "Check your mail", heading: "Check your mail",
                           text: "We have mailed a new link to \(account.email.text); earlier links no longer work.", link: ("/account", "Your account"))
    }

    func createAccountToken(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request)
        let account = try requireAccount(request)
        let label = (form["label"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard label.unicodeScalars.count <= 100 else {
            throw APIError.badRequest("a token label may have at most 100 characters, not \(label.unicodeScalars.count)", code: "invalid-label")
        }
        let now = now()
        let issued = try await api.blocking { [store] in try store.issueAccountToken(accountID: account.id, label: label.isEmpty ? nil : label, now: now) }
        return try page("token", title: "New token", visitor: request.visitor, values: [
            "heading": "New token \(issued.record.id)", "token": issued.token, "back": "/account", "backLabel": "Back to your account",
            "instruction": "Copy it now into your script's settings (for the command line, `ARBITER_TOKEN`); Arbiter keeps only its digest and can never show it again.",
        ])
    }

    func revokeAccountTokenForm(_ request: PageRequest) async throws -> Response {
        let (account, id) = (try requireAccount(request), try ownTokenID(request))
        let own = try await api.blocking { [store] in try store.accountTokens(accountID: account.id).contains { $0.id == id && $0.revokedAt == nil } }
        guard own else { throw StoreError.unknownToken(id) }
        return try page("confirm", title: "Confirm", visitor: request.visitor, values: [
            "heading": "Revoke token \(id)?",
            "explanation": "Scripts using it will be refused at once. Your other tokens and your browser sessions keep working. This cannot be undone.",
            "action": "/account/tokens/\(id)/revoke", "button": "Revoke the token", "cancel": "/account", "danger": true,
        ])
    }

    func revokeAccountToken(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let (account, id, now) = (try requireAccount(request), try ownTokenID(request), now())
        try await api.blocking { [store] in try store.revokeAccountToken(id, accountID: account.id, now: now) }
        return Self.redirect(to: "/account")
    }

    private func ownTokenID(_ request: PageRequest) throws -> Int64 {
        guard let id = Int64(try request.parameter("id")) else { throw APIError.notFound("no such token") }
        return id
    }

    func requireAccount(_ request: PageRequest) throws -> AccountRef {
        guard let account = request.visitor.account else { throw APIError.forbidden("this page is for accounts; sign in with your e-mail address") }
        return account
    }

    /// A short page that says one thing and offers one way on.
    func message(_ request: PageRequest, title: String, heading: String, text: String, link: (String, String)? = nil, warning: Bool = false,
                 challenge: StoredChallenge? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        try page("message", title: title, visitor: request.visitor, challenge: challenge, values: [
            "heading": heading, "message": text, "hasLink": link != nil, "link": link?.0 ?? "", "linkLabel": link?.1 ?? "", "warning": warning,
        ], status: status)
    }
}
