import HTTPTypes

/// Every route the server answers: one place that the router, the OpenAPI document's test and the access test
/// all read, so a route cannot exist without a stated audience.
public enum Endpoint: String, CaseIterable, Sendable {
    case health, readiness, metrics, openAPI
    case me, challenges, challenge, phase, leaderboard
    case submit, submission, submissions, chooseSubmission, submissionLog
    case teams, addTeam, tokens, issueTeamToken, revokeToken
    case inviteToTeam, joinTeam
    case openPhase, closePhase, schedulePhase, publishPhase, rejudgePhase
    case studies, study, studyAgreement, studyConsensus, studyReads
    case assignments, assignmentReads, saveRead, assignmentImage
    case disputes, decideDispute, disputeImage

    /// Who may call a route; anyone else gets 401 (no token) or 403 (the wrong kind of token).
    public enum Access: Sendable {
        case everyone
        /// Any valid token.
        case signedIn
        case team
        /// A team (for what is its own) or an organiser (for everything).
        case teamOrOrganiser
        case organiser
        /// An annotator token bound to the study as one of its readers: it reaches only its own assignments and reads.
        case reader
        /// An annotator token bound to the study as an adjudicator: it reaches the open disputes and their reads.
        case adjudicator
        /// The study's adjudicators, and organisers (who see every read anyway): the adjudication queue.
        case adjudicatorOrOrganiser
        /// A person's own token (an account's): what it may do in the challenge depends on its standing there.
        case participant
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .health, .readiness, .metrics, .openAPI, .me, .challenges, .challenge, .phase, .leaderboard,
             .submission, .submissions, .submissionLog, .teams, .tokens, .studies, .study, .studyAgreement, .studyReads,
             .assignments, .assignmentReads, .assignmentImage, .disputes, .disputeImage:
            .get
        case .revokeToken:
            .delete
        case .submit, .chooseSubmission, .addTeam, .issueTeamToken, .openPhase, .closePhase, .schedulePhase,
             .publishPhase, .rejudgePhase, .studyConsensus, .saveRead, .decideDispute, .inviteToTeam, .joinTeam:
            .post
        }
    }

    /// The path as OpenAPI writes it (`{name}` for a parameter); Hummingbird reads the same syntax.
    public var path: String {
        let phase = "/api/v1/challenges/{challenge}/phases/{phase}"
        let study = "/api/v1/challenges/{challenge}/studies/{study}"
        return switch self {
        case .health: "/healthz"
        case .readiness: "/readyz"
        case .metrics: "/metrics"
        case .openAPI: "/api/v1/openapi.yaml"
        case .me: "/api/v1/me"
        case .challenges: "/api/v1/challenges"
        case .challenge: "/api/v1/challenges/{challenge}"
        case .phase: phase
        case .leaderboard: "/api/v1/challenges/{challenge}/leaderboard"
        case .submit: phase + "/submissions"
        case .submission: "/api/v1/submissions/{id}"
        case .submissions: "/api/v1/challenges/{challenge}/submissions"
        case .chooseSubmission: "/api/v1/submissions/{id}/choose"
        case .submissionLog: "/api/v1/submissions/{id}/log"
        case .teams, .addTeam: "/api/v1/challenges/{challenge}/teams"
        case .tokens: "/api/v1/challenges/{challenge}/tokens"
        case .issueTeamToken: "/api/v1/challenges/{challenge}/teams/{team}/tokens"
        case .revokeToken: "/api/v1/tokens/{id}"
        case .inviteToTeam: "/api/v1/challenges/{challenge}/team/invitations"
        case .joinTeam: "/api/v1/challenges/{challenge}/team/members"
        case .openPhase: phase + "/open"
        case .closePhase: phase + "/close"
        case .schedulePhase: phase + "/schedule"
        case .publishPhase: phase + "/publish"
        case .rejudgePhase: phase + "/rejudge"
        case .studies: "/api/v1/challenges/{challenge}/studies"
        case .study: study
        case .studyAgreement: study + "/agreement"
        case .studyConsensus: study + "/consensus"
        case .studyReads: study + "/reads"
        case .assignments: study + "/assignments"
        case .assignmentReads, .saveRead: study + "/assignments/{ordinal}/reads"
        case .assignmentImage: study + "/assignments/{ordinal}/image"
        case .disputes: study + "/disputes"
        case .decideDispute: study + "/disputes/{id}/decision"
        case .disputeImage: study + "/disputes/{id}/image"
        }
    }

    public var access: Access {
        switch self {
        case .health, .readiness, .metrics, .openAPI, .challenges, .challenge, .phase, .leaderboard: .everyone
        case .me: .signedIn
        case .submit, .chooseSubmission: .team
        case .submission, .submissions, .submissionLog: .teamOrOrganiser
        case .teams, .addTeam, .tokens, .issueTeamToken, .revokeToken, .openPhase, .closePhase, .schedulePhase,
             .publishPhase, .rejudgePhase, .studies, .study, .studyAgreement, .studyConsensus, .studyReads:
            .organiser
        case .assignments, .assignmentReads, .saveRead, .assignmentImage: .reader
        case .decideDispute, .disputeImage: .adjudicator
        case .disputes: .adjudicatorOrOrganiser
        case .inviteToTeam, .joinTeam: .participant
        }
    }

    /// Whether a caller may use the route at all (a team may still only reach what is its own).
    func admits(_ caller: Caller) -> Bool {
        switch (access, caller) {
        case (.everyone, _): true
        case (.signedIn, .anonymous): false
        case (.signedIn, _): true
        case (.team, .team): true
        case (.teamOrOrganiser, .team), (.teamOrOrganiser, .organiser): true
        case (.organiser, .organiser): true
        // Which study the token is bound to, and as what, the route checks against the study it names.
        case (.reader, .annotator), (.adjudicator, .annotator), (.adjudicatorOrOrganiser, .annotator): true
        case (.adjudicatorOrOrganiser, .organiser): true
        case (.participant, .participant): true
        default: false
        }
    }
}
