import HTTPTypes

/// Every page and form the browser portal answers: one table that the router and the pages × roles test both read,
/// so a page cannot exist without a stated audience. Pages identify their visitor by the session cookie only, never
/// by a bearer token; the API (`Endpoint`) by bearer tokens only, never by the cookie.
public enum Page: String, CaseIterable, Sendable {
    case home, signInForm, signIn, signOut, style, script, viewerScript, favicon
    case challenge, phase, upload, submissions, chooseForm, choose, runLog
    case leaderboardIndex, leaderboardFile
    case manage, phaseActionForm, phaseAction, addTeam, issueToken, revokeTokenForm, revokeToken, audit, publishLeaderboard
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
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .signIn, .signOut, .upload, .choose, .phaseAction, .addTeam, .issueToken, .revokeToken, .publishLeaderboard, .saveAnnotation, .saveShapes, .decideDispute: .post
        default: .get
        }
    }

    /// Whether the page changes something: such a POST must carry the session's CSRF token.
    public var changesSomething: Bool { method == .post }

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
        case .home, .signInForm, .signIn, .signOut, .style, .script, .viewerScript, .favicon, .challenge, .phase, .leaderboardIndex, .leaderboardFile:
            .everyone
        case .upload, .chooseForm, .choose: .team
        case .submissions, .runLog: .teamOrOrganiser
        case .manage, .phaseActionForm, .phaseAction, .addTeam, .issueToken, .revokeTokenForm, .revokeToken, .audit,
             .publishLeaderboard:
            .organiser
        case .annotate, .annotateItem, .saveAnnotation, .annotateImage, .annotateTile, .saveShapes, .adjudicate, .disputeItem,
             .decideDispute, .disputeImage, .disputeTile:
            .annotator
        }
    }

    func admits(_ caller: Caller) -> Bool {
        switch (audience, caller) {
        case (.everyone, _): true
        case (.team, .team): true
        case (.teamOrOrganiser, .team), (.teamOrOrganiser, .organiser): true
        case (.organiser, .organiser): true
        case (.annotator, .annotator): true
        default: false
        }
    }
}
