/// What the OpenAPI document says of each route beyond its method, path and audience: a summary, what it reads and
/// what it answers on success. `AccessTests` checks each success status against what the route really answers.
extension Endpoint {
    /// The body a route reads.
    public enum RequestBody: Sendable, Equatable {
        case none
        /// A prediction file, raw or as the `file` field of a form.
        case upload
        /// JSON of a schema in `OpenAPIComponents`.
        case json(schema: String, required: Bool)
    }

    /// The body of a successful answer.
    public enum ResponseBody: Sendable, Equatable {
        case empty
        case text(mediaType: String)
        /// Bytes of a media type, such as a PNG.
        case binary(mediaType: String)
        case anyObject
        case schema(String)
        /// JSON of a schema, or CSV when the query asks for it.
        case schemaOrCSV(String)
    }

    public var summary: String {
        switch self {
        case .health: "Liveness: the process answers."
        case .readiness: "Readiness: the database answers."
        case .metrics: "Prometheus metrics: requests, submissions, the job queue by kind and state, attempts, lease expiries, and this server's judge's claim latency."
        case .openAPI: "This document."
        case .me: "Who the bearer token belongs to."
        case .challenges: "Every challenge with its phases."
        case .challenge: "One challenge: task, metrics, phases."
        case .phase: "One phase: window, status, limits."
        case .leaderboard: "The public leaderboard (the static site's leaderboard.json); sealed splits are absent."
        case .submit: "Upload a prediction file (raw body or multipart field `file`); 202 with the status URL, or 200 on `dry_run=true`."
        case .submission: "A submission of the caller's team (organisers: any)."
        case .submissions: "The caller's team's submissions (organisers: every team's)."
        case .chooseSubmission: "Choose a submission as the team's final entry, while the phase is open."
        case .submissionLog: "A container run's standard output and error (at most 1 MiB): organisers always; a team only in a phase whose logs are for teams."
        case .teams: "Teams with their submission counts."
        case .addTeam: "Register a team; the answer carries its first token, shown once."
        case .tokens: "The team tokens (never the secrets)."
        case .issueTeamToken: "Issue another token for a team, shown once."
        case .revokeToken: "Revoke a token."
        case .inviteToTeam: "A single-use invitation link, valid for a week, that adds its opener to the caller's team (an account admitted to the challenge)."
        case .joinTeam: "Spend an invitation: the caller joins its team, or, already in a team, merges that team into it (within max-team-size and every phase's limits)."
        case .openPhase: "Open the phase now, whatever its schedule."
        case .closePhase: "Close the phase now."
        case .schedulePhase: "Return the phase to its schedule."
        case .publishPhase: "Publish the private split's scores."
        case .rejudgePhase: "Queue every submission of the phase for scoring again."
        case .studies: "The challenge's reader studies."
        case .study: "A reader study: its spec in brief, each reader's progress and time, reads per item, and the adjudication queue's size."
        case .studyAgreement: "Label agreement over the latest plain reads (Cohen's kappa per pair, Fleiss' kappa, Krippendorff's alpha, percent agreement), each reader's self-consistency on hidden repeats, and for shape studies polygon Dice and point F1."
        case .studyConsensus: "Compute the consensus labels: each item's majority, or its adjudicator's decision. Changes state: a tie not yet in the adjudication queue is put there (once), so this is a POST; repeating it changes nothing more."
        case .studyReads: "Every stored version of every read (`latest=true`: the highest version of each assignment), as JSON or, with `format=csv`, CSV."
        case .assignments: "The caller's own assignments in order, with progress. An assignment is named by its ordinal; nothing in it says whether it is a hidden repeat."
        case .assignmentReads: "Every version of the caller's own read of one of its assignments, oldest first."
        case .saveRead: "Save a new version of the caller's read of one of its assignments; an `idempotency_key` already used for this assignment returns the version stored then."
        case .assignmentImage: "The picture of one of the caller's assignments (PNG), turned or mirrored as the assignment is shown."
        case .disputes: "The open disputes of the adjudication queue, each with the latest reads of its item side by side (adjudicators and organisers)."
        case .disputeImage: "The picture of an open dispute's item (PNG), as it lies."
        case .decideDispute: "Decide an open dispute: a label from the study's classes (and shapes, where the study asks for them), with an optional comment."
        }
    }

    public var requestBody: RequestBody {
        switch self {
        case .submit: .upload
        case .addTeam: .json(schema: "NewTeam", required: true)
        case .issueTeamToken: .json(schema: "NewToken", required: false)
        case .saveRead: .json(schema: "NewRead", required: true)
        case .decideDispute: .json(schema: "NewDecision", required: true)
        case .joinTeam: .json(schema: "JoinTeam", required: true)
        default: .none
        }
    }

    public var successStatus: Int {
        switch self {
        case .submit, .rejudgePhase: 202
        case .addTeam, .issueTeamToken, .saveRead, .inviteToTeam: 201
        case .revokeToken: 204
        default: 200
        }
    }

    public var responseBody: ResponseBody {
        switch self {
        case .health, .readiness, .metrics, .submissionLog: .text(mediaType: "text/plain")
        case .assignmentImage, .disputeImage: .binary(mediaType: "image/png")
        case .openAPI: .text(mediaType: "application/yaml")
        case .leaderboard: .anyObject
        case .revokeToken: .empty
        case .me: .schema("Identity")
        case .challenges: .schema("ChallengeList")
        case .challenge: .schema("Challenge")
        case .phase, .openPhase, .closePhase, .schedulePhase, .publishPhase: .schema("Phase")
        case .submit: .schema("Accepted")
        case .submission, .chooseSubmission: .schema("Submission")
        case .submissions: .schema("SubmissionList")
        case .teams: .schema("TeamList")
        case .addTeam, .issueTeamToken: .schema("Team")
        case .tokens: .schema("TokenList")
        case .rejudgePhase: .schema("Rejudge")
        case .studies: .schema("StudyList")
        case .study: .schema("StudyStatus")
        case .studyAgreement: .schema("StudyAgreement")
        case .studyConsensus: .schema("StudyConsensus")
        case .studyReads: .schemaOrCSV("StudyReadExport")
        case .assignments: .schema("AssignmentList")
        case .assignmentReads: .schema("ReadList")
        case .saveRead: .schema("Read")
        case .disputes: .schema("DisputeList")
        case .decideDispute: .schema("Dispute")
        case .inviteToTeam: .schema("Invitation")
        case .joinTeam: .schema("TeamJoining")
        }
    }

    /// Query parameters beyond the path's, as (name, description, schema as a YAML flow mapping).
    var queryParameters: [(name: String, description: String, schema: String)] {
        if self == .studyReads {
            return [("format", "json (the default) or csv.", "{ type: string, enum: [json, csv] }"),
                    ("latest", "Only the highest version of each assignment.", "{ type: boolean }")]
        }
        if self == .studyAgreement {
            return [("weights", "Cohen's kappa weights: none (the default), linear or quadratic.", "{ type: string, enum: [none, linear, quadratic] }"),
                    ("point_radius", "Level-0 pixels within which two readers' points match (default 20).", "{ type: number, minimum: 0 }")]
        }
        guard self == .submit else { return [] }
        return [("dry_run", "Validate only: nothing is stored or counted.", "{ type: boolean }"),
                ("file_name", "The file's name, for raw bodies (archives and volumes need their extension): one plain name, "
                    + "not . or .., without / or \\ or control characters, at most \(UploadFileName.maxCharacters) characters.",
                 #"{ type: string, minLength: 1, maxLength: \#(UploadFileName.maxCharacters), pattern: '^(?!\.\.?$)[^/\\\x00-\x1f\x7f]+$' }"#)]
    }
}
