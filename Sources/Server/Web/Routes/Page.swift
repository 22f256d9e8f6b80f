import HTTPTypes
import Store

/// Every page and form the browser portal answers: one table that the router and the pages × roles test both read,
/// so a page cannot exist without a stated audience. Pages identify their visitor by the session cookie only, never
/// by a bearer token; the API (`Endpoint`) by bearer tokens only, never by the cookie.
public enum Page: String, CaseIterable, Sendable {
    case home, signInForm, signIn, signOut, style, script, viewerScript, favicon
    case signUpForm, signUp, verifyEmail, forgotForm, forgot, resetForm, reset
    case account, resendVerification, createAccountToken, revokeAccountTokenForm, revokeAccountToken
    case join, acceptTerms, team, createTeam, inviteToTeam, invitation, joinTeam, leaveTeam, data, dataFile
    case challenge, phase, upload, submissions, chooseForm, choose, runLog
    case leaderboardIndex, leaderboardFile
    case manage, phaseActionForm, phaseAction, addTeam, issueToken, revokeTokenForm, revokeToken, audit, publishLeaderboard
    case decideAccess, removeMember
    case annotate, annotateItem, saveAnnotation, annotateImage, annotateTile, saveShapes
    case adjudicate, disputeItem, decideDispute, disputeImage, disputeTile

    /// Who may open a page. Anyone else is sent to sign in (no session) or told the page is not for them.
    public enum Audience: Sendable {
        case everyone
        case team
        /// A team (its own submissions) or an organiser (everyone's).
        case teamOrOrganiser
        case organiser
        /// An annotator token's session: it reaches the studies the token is bound to, and in each only its own list.
        case annotator
        /// An account's session, whether or not it is in a team (what it reaches in a challenge depends on its
        /// standing there).
        case account
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .signIn, .signOut, .upload, .choose, .phaseAction, .addTeam, .issueToken, .revokeToken, .publishLeaderboard, .saveAnnotation, .saveShapes, .decideDispute,
             .signUp, .forgot, .reset, .resendVerification, .createAccountToken, .revokeAccountToken, .acceptTerms, .createTeam, .inviteToTeam,
             .joinTeam, .leaveTeam, .decideAccess, .removeMember:
            .post
        default: .get
        }
    }

    /// Whether the page changes something: such a POST must carry the session's CSRF token.
    public var changesSomething: Bool { method == .post }

    /// Pages a signed-out visitor posts (signing up or in, asking for or choosing a new password): with no session
    /// to hold a CSRF token, each form carries one of its own, paired with a cookie only its path receives.
    public var isPreSessionForm: Bool { [.signIn, .signUp, .forgot, .reset].contains(self) }

    /// Pages of one challenge: on them an account in a team acts for its team (its sections, its submissions);
    /// submitting asks for full admission.
    var actsForTeam: Bool { path.hasPrefix("/challenges/{challenge}") }
    var submits: Bool { [.upload].contains(self) }

    public var path: String {
        let challenge = "/challenges/{challenge}"
        let manage = challenge + "/manage"
        return switch self {
        case .home: "/"
        case .signInForm, .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .style: "/assets/web.css"
        case .script: "/assets/web.js"
        case .viewerScript: "/assets/viewer.js"
        case .favicon: "/favicon.ico"
        case .signUpForm, .signUp: "/sign-up"
        case .verifyEmail: "/verify"
        case .forgotForm, .forgot: "/forgot-password"
        case .resetForm, .reset: "/reset-password"
        case .account: "/account"
        case .resendVerification: "/account/verification"
        case .createAccountToken: "/account/tokens"
        case .revokeAccountTokenForm, .revokeAccountToken: "/account/tokens/{id}/revoke"
        case .join, .acceptTerms: challenge + "/join"
        case .team, .createTeam: challenge + "/team"
        case .inviteToTeam: challenge + "/team/invitations"
        case .invitation, .joinTeam: challenge + "/team/join"
        case .leaveTeam: challenge + "/team/leave"
        case .data: challenge + "/data"
        case .dataFile: challenge + "/data/{name}"
        case .decideAccess: manage + "/access/{account}/{decision}"
        case .removeMember: manage + "/teams/{team}/members/{account}/remove"
        case .challenge: challenge
        case .phase: challenge + "/phases/{phase}"
        case .upload: challenge + "/phases/{phase}/upload"
        case .submissions: challenge + "/submissions"
        case .chooseForm, .choose: challenge + "/submissions/{id}/choose"
        case .runLog: challenge + "/submissions/{id}/log"
        case .leaderboardIndex: challenge + "/leaderboard/"
        case .leaderboardFile: challenge + "/leaderboard/**"
        case .manage: manage
        case .phaseActionForm, .phaseAction: manage + "/phases/{phase}/{action}"
        case .addTeam: manage + "/teams"
        case .issueToken: manage + "/teams/{team}/tokens"
        case .revokeTokenForm, .revokeToken: manage + "/tokens/{id}/revoke"
        case .audit: manage + "/audit"
        case .publishLeaderboard: manage + "/leaderboard"
        case .annotate: "/annotate"
        case .annotateItem, .saveAnnotation: "/annotate/{challenge}/{study}/{ordinal}"
        case .annotateImage: "/annotate/{challenge}/{study}/{ordinal}/image"
        case .annotateTile: "/annotate/{challenge}/{study}/{ordinal}/tiles/{level}/{tile}"
        case .saveShapes: "/annotate/{challenge}/{study}/{ordinal}/reads"
        case .adjudicate: "/annotate/{challenge}/{study}/disputes"
        case .disputeItem, .decideDispute: "/annotate/{challenge}/{study}/disputes/{id}"
        case .disputeImage: "/annotate/{challenge}/{study}/disputes/{id}/image"
        case .disputeTile: "/annotate/{challenge}/{study}/disputes/{id}/tiles/{level}/{tile}"
        }
    }

    public var audience: Audience {
        switch self {
        case .home, .signInForm, .signIn, .signOut, .style, .script, .viewerScript, .favicon, .challenge, .phase, .leaderboardIndex, .leaderboardFile,
             .signUpForm, .signUp, .verifyEmail, .forgotForm, .forgot, .resetForm, .reset:
            .everyone
        case .account, .resendVerification, .createAccountToken, .revokeAccountTokenForm, .revokeAccountToken, .join, .acceptTerms, .team,
             .createTeam, .inviteToTeam, .invitation, .joinTeam, .leaveTeam, .data, .dataFile:
            .account
        case .upload, .chooseForm, .choose: .team
        case .submissions, .runLog: .teamOrOrganiser
        case .manage, .phaseActionForm, .phaseAction, .addTeam, .issueToken, .revokeTokenForm, .revokeToken, .audit,
             .publishLeaderboard, .decideAccess, .removeMember:
            .organiser
        case .annotate, .annotateItem, .saveAnnotation, .annotateImage, .annotateTile, .saveShapes, .adjudicate, .disputeItem,
             .decideDispute, .disputeImage, .disputeTile:
            .annotator
        }
    }

    /// Whether a visitor may open the page: an account's pages by any session of an account, scoped to its team or not.
    func admits(_ caller: Caller, account: AccountRef?) -> Bool {
        audience == .account ? account != nil : admits(caller)
    }

    func admits(_ caller: Caller) -> Bool {
        switch (audience, caller) {
        case (.account, .participant): true
        case (.everyone, _): true
        case (.team, .team): true
        case (.teamOrOrganiser, .team), (.teamOrOrganiser, .organiser): true
        case (.organiser, .organiser): true
        case (.annotator, .annotator): true
        default: false
        }
    }
}
