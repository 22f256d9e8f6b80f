import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Logging
import NIOCore
import Store

/// Answers each `Page`: finds the visitor by their session cookie, checks the page's audience and, for a form that
/// changes something, its CSRF token, then renders the page from the same store and intake the API uses. Failures
/// become a page that says what happened, in the API's words, never a stack of JSON.
struct WebHandlers: Sendable {
    let api: APIHandlers
    let renderer: PageRenderer
    let portal: PortalSite
    let assets: WebAssets
    /// Sign-in attempts per peer address: a token cannot be guessed faster than this.
    let signIns: RateLimiter
    let cookies: SessionCookie
    let sessionLifetime: TimeInterval
    let accounts: AccountDesk

    var store: any ArbiterStore { api.store }
    func now() -> Date { api.clock() }

    func respond(_ page: Page, to request: Request, context: APIRequestContext) async throws -> Response {
        let (visitor, forged) = try await identify(request)
        var response: Response
        do {
            response = try await admitted(page, request: request, context: context, visitor: visitor)
        } catch {
            response = try errorPage(error, visitor: visitor, context: context)
        }
        if forged { response.headers.append(HTTPField(name: .setCookie, value: cookies.clearing(SessionCookie.session))) }
        return response
    }

    private func admitted(_ page: Page, request: Request, context: APIRequestContext, visitor: Visitor) async throws -> Response {
        let visitor = try await scoped(visitor, for: page, context: context)
        guard page.admits(visitor.caller, account: visitor.account) else {
            if visitor.caller == .anonymous, page.method == .get {
                return Self.redirect(to: "/sign-in?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
            }
            throw APIError.forbidden(visitor.caller == .anonymous
                ? "sign in to use this page"
                : "this page is for \(Self.describe(page.audience)); you are signed in as \(visitor.name ?? "someone else")")
        }
        let request = PageRequest(request: request, context: context, visitor: visitor)
        switch page {
        case .home: return try await home(request)
        case .signInForm:
            return try signInForm(request, notice: request.request.uri.queryParameters.get("changed") == nil ? nil
                : "Your password is changed, and every other session of yours has ended. Sign in with the new password.")
        case .signUpForm: return try signUpForm(request)
        case .signUp: return try await signUp(request)
        case .verifyEmail: return try await verifyEmail(request)
        case .forgotForm: return try forgotForm(request)
        case .forgot: return try await forgot(request)
        case .resetForm: return try resetForm(request)
        case .reset: return try await reset(request)
        case .account: return try await account(request)
        case .resendVerification: return try await resendVerification(request)
        case .createAccountToken: return try await createAccountToken(request)
        case .revokeAccountTokenForm: return try await revokeAccountTokenForm(request)
        case .revokeAccountToken: return try await revokeAccountToken(request)
        case .join: return try await join(request)
        case .acceptTerms: return try await acceptTerms(request)
        case .team: return try await team(request)
        case .createTeam: return try await createTeam(request)
        case .inviteToTeam: return try await inviteToTeam(request)
        case .invitation: return try await invitation(request)
        case .joinTeam: return try await joinTeam(request)
        case .leaveTeam: return try await leaveTeam(request)
        case .data: return try await data(request)
        case .dataFile: return try await dataFile(request)
        case .decideAccess: return try await decideAccess(request)
        case .removeMember: return try await removeMember(request)
        case .signIn: return try await signIn(request)
        case .signOut: return try await signOut(request)
        case .style: return assets.response(.style, request: request.request)
        case .script: return assets.response(.script, request: request.request)
        case .viewerScript: return assets.response(.viewer, request: request.request)
        // Browsers ask for it on every site, the static leaderboard's pages included; there is none.
        case .favicon: return Response(status: .noContent, headers: PageHeaders.common)
        case .challenge: return try await challenge(request)
        case .phase: return try await phase(request)
        case .upload: return try await upload(request)
        case .submissions: return try await submissions(request)
        case .chooseForm: return try await chooseForm(request)
        case .choose: return try await choose(request)
        case .runLog: return try await runLog(request)
        case .leaderboardIndex, .leaderboardFile: return try await leaderboardFile(request)
        case .manage: return try await manage(request)
        case .phaseActionForm: return try await phaseActionForm(request)
        case .phaseAction: return try await phaseAction(request)
        case .addTeam: return try await addTeam(request)
        case .issueToken: return try await issueToken(request)
        case .revokeTokenForm: return try await revokeTokenForm(request)
        case .revokeToken: return try await revokeToken(request)
        case .audit: return try await audit(request)
        case .publishLeaderboard: return try await publishLeaderboard(request)
        case .annotate: return try await annotate(request)
        case .annotateItem: return try await annotateItem(request)
        case .saveAnnotation: return try await saveAnnotation(request)
        case .annotateImage: return try await annotateImage(request)
        case .annotateTile: return try await annotateTile(request)
        case .saveShapes: return try await saveShapes(request)
        case .adjudicate: return try await adjudicate(request)
        case .disputeItem: return try await disputeItem(request, problem: nil)
        case .decideDispute: return try await decideDispute(request)
        case .disputeImage: return try await disputePicture(request)
        case .disputeTile: return try await disputeTile(request)
        }
    }

    /// An account's visitor, on a page of a challenge whose team it is in, acts as that team; uploading asks for
    /// full admission (`ParticipantScope`).
    private func scoped(_ visitor: Visitor, for page: Page, context: APIRequestContext) async throws -> Visitor {
        guard case .participant(let account) = visitor.caller, page.actsForTeam, let slug = context.parameters.get("challenge") else { return visitor }
        let submitting = page.submits
        return visitor.scoped(to: try await api.blocking { [store] in
            try ParticipantScope.caller(for: account, in: try store.challenge(slug), submitting: submitting, store: store)
        })
    }

    /// The visitor a session cookie stands for; a cookie naming no live session is reported so the answer clears it.
    /// An `Authorization` header is never read here: a bearer token does not open pages.
    private func identify(_ request: Request) async throws -> (Visitor, forged: Bool) {
        guard let id = SessionCookie.value(SessionCookie.session, in: request.headers) else {
            return (.anonymous, request.headers[values: .cookie].contains { $0.contains(SessionCookie.session + "=") })
        }
        let now = now()
        guard let session = try await api.blocking({ [store] in try store.session(id: id, now: now) }) else {
            return (.anonymous, true)
        }
        return (Visitor(caller: Caller(session.identity), session: session), false)
    }

    /// Checks a changing form's CSRF token against the session's, in constant time.
    func requireCSRF(_ token: String?, visitor: Visitor) throws {
        guard let expected = visitor.session?.csrfToken, let token, AccessToken.constantTimeEquals(token, expected) else {
            throw APIError(.forbidden, code: "invalid-csrf",
                           message: "this form has expired or did not come from this site; reload the page and send it again")
        }
    }

    /// A small form, with its CSRF token checked.
    func checkedForm(_ request: PageRequest, upTo limit: Int = FormFields.maximumBytes) async throws -> FormFields {
        let form = try await FormFields.read(request.request, upTo: limit)
        try requireCSRF(form["csrf"], visitor: request.visitor)
        return form
    }

    static func describe(_ audience: Page.Audience) -> String {
        switch audience {
        case .everyone: "everyone"
        case .team: "teams"
        case .teamOrOrganiser: "teams and organisers"
        case .organiser: "organisers"
        case .annotator: "a study's readers"
        case .account: "people signed in with their own account"
        }
    }

    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var headers = PageHeaders.html
        headers[.location] = location
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}

/// One page request: the HTTP request, its context and who sent it.
struct PageRequest: Sendable {
    let request: Request
    let context: APIRequestContext
    let visitor: Visitor

    func parameter(_ name: String) throws -> String { try context.parameters.require(name) }
}
