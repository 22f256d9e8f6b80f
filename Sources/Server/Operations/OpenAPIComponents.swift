import Store

/// The shared parts of the OpenAPI document: security, path parameters, the error answer and every schema the
/// routes name. The paths themselves are rendered from `Endpoint` (see `OpenAPIDocument`).
enum OpenAPIComponents {
    static let header = #"""
openapi: 3.0.3
info:
  title: Arbiter API
  version: "1"
  description: |
    Challenge information, submissions, leaderboards and organiser controls. Authenticate with
    `Authorization: Bearer <token>`. Every error is `{"error": {"code", "message", "details"}}`.
    x-access on each operation says who may call it: everyone, signedIn (any valid token), team,
    teamOrOrganiser (a team sees only its own submissions), organiser, reader (an annotator token
    bound to the study as a reader: it reaches only its own assignments and reads) or adjudicator (an
    annotator token bound to the study as an adjudicator). A study an annotator token is not bound to
    answers 404, as one that does not exist. A participant token (a person's own, made on their account
    page) acts as the account's team within each challenge where it has one, and submits only once the
    account is admitted (verified, the current rules accepted, approved where required); x-access
    participant routes take only such a token.
"""#

    static let yaml = #"""
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
  parameters:
    challenge:
      name: challenge
      in: path
      required: true
      description: "Challenge slug."
      schema:
        type: string
    phase:
      name: phase
      in: path
      required: true
      description: "Phase slug."
      schema:
        type: string
    id:
      name: id
      in: path
      required: true
      description: "Numeric id."
      schema:
        type: integer
        format: int64
    team:
      name: team
      in: path
      required: true
      description: "Team name."
      schema:
        type: string
        minLength: 1
        maxLength: 100
    study:
      name: study
      in: path
      required: true
      description: "Study slug."
      schema:
        type: string
    ordinal:
      name: ordinal
      in: path
      required: true
      description: "An assignment's place in the caller's own list (its `ordinal`)."
      schema:
        type: integer
        format: int64
        minimum: 0
  responses:
    Error:
      description: "A refusal, with where and why."
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
  schemas:
    Error:
      type: object
      required: [error]
      properties:
        error:
          $ref: '#/components/schemas/ErrorBody'
    ErrorBody:
      type: object
      required: [code, message, details]
      properties:
        code:
          type: string
        message:
          type: string
        details:
          type: array
          items:
            $ref: '#/components/schemas/Detail'
    Detail:
      type: object
      required: [code, message]
      properties:
        code:
          type: string
        message:
          type: string
        line:
          type: integer
          nullable: true
        column:
          type: integer
          nullable: true
        field:
          type: string
          nullable: true
        case_id:
          type: string
          nullable: true
        byte_offset:
          type: integer
          nullable: true
    Identity:
      type: object
      required: [role]
      properties:
        role:
          type: string
        team:
          type: string
          nullable: true
        challenge:
          type: string
          nullable: true
    Limits:
      type: object
      required: [max_file_bytes]
      properties:
        max_file_bytes:
          type: integer
        per_period:
          type: integer
          nullable: true
        period_seconds:
          type: integer
          nullable: true
        total:
          type: integer
          nullable: true
    Phase:
      type: object
      required: [slug, title, opens, closes, status, accepts_submissions, public_split, has_private_split, published, limits, submissions_url]
      properties:
        slug:
          type: string
        title:
          type: string
        opens:
          type: string
          format: date-time
        closes:
          type: string
          format: date-time
        status:
          type: string
        accepts_submissions:
          type: boolean
        override:
          type: string
          nullable: true
        public_split:
          type: string
        has_private_split:
          type: boolean
        published:
          type: boolean
        limits:
          $ref: '#/components/schemas/Limits'
        submissions_url:
          type: string
    Challenge:
      type: object
      required: [slug, title, task, primary_metric, metrics, phases, leaderboard_url]
      properties:
        slug:
          type: string
        title:
          type: string
        task:
          type: string
        primary_metric:
          type: string
        metrics:
          type: array
          items:
            type: string
        phases:
          type: array
          items:
            $ref: '#/components/schemas/Phase'
        leaderboard_url:
          type: string
    ChallengeList:
      type: array
      items:
        $ref: '#/components/schemas/Challenge'
    Accepted:
      type: object
      required: [status, sha256, byte_count, dry_run]
      properties:
        id:
          type: integer
          nullable: true
        status:
          type: string
        status_url:
          type: string
          nullable: true
        sha256:
          type: string
        byte_count:
          type: integer
        dry_run:
          type: boolean
    Submission:
      type: object
      required: [id, challenge, phase, team, file_name, sha256, byte_count, submitted_at, status, chosen, status_url]
      properties:
        id:
          type: integer
        challenge:
          type: string
        phase:
          type: string
        team:
          type: string
        file_name:
          type: string
        sha256:
          type: string
        byte_count:
          type: integer
        submitted_at:
          type: string
          format: date-time
        status:
          type: string
        failure:
          type: string
          nullable: true
        chosen:
          type: boolean
        status_url:
          type: string
        scores:
          type: object
          nullable: true
        run:
          nullable: true
          allOf:
            - $ref: '#/components/schemas/ContainerRun'
    ContainerRun:
      type: object
      required: [image_id, state]
      properties:
        image_id:
          type: string
        state:
          type: string
          enum: [waiting, finished]
        verdict:
          type: string
          nullable: true
          enum: [succeeded, timeout, out-of-memory, exit-code, output-too-large, invalid-output, unusable-image, null]
        exit_code:
          type: integer
          nullable: true
        duration_seconds:
          type: number
          nullable: true
        peak_memory_bytes:
          type: integer
          nullable: true
        problem_count:
          type: integer
          nullable: true
        first_problem_kind:
          type: string
          nullable: true
        log_url:
          type: string
          nullable: true
    SubmissionList:
      type: array
      items:
        $ref: '#/components/schemas/Submission'
    Invitation:
      type: object
      required: [team, invitation, url, expires_at]
      properties:
        team:
          type: string
        invitation:
          type: string
          description: "The code to pass to the joining route; shown once."
        url:
          type: string
          description: "The portal page that opens it."
        expires_at:
          type: string
          format: date-time
    JoinTeam:
      type: object
      required: [invitation]
      properties:
        invitation:
          type: string
          maxLength: 128
    TeamJoining:
      type: object
      required: [team]
      properties:
        team:
          type: string
        merged_from:
          type: string
          nullable: true
          description: "The caller's former team, merged into this one."
    Team:
      type: object
      required: [name]
      properties:
        name:
          type: string
        submissions:
          type: integer
          nullable: true
        token:
          type: string
          nullable: true
    TeamList:
      type: array
      items:
        $ref: '#/components/schemas/Team'
    NewTeam:
      type: object
      required: [name]
      properties:
        name:
          type: string
          description: "At most 100 characters (Unicode code points), at least one of them not white space; leading and trailing white space is trimmed. Control characters, line and paragraph separators and invisible formatting characters (zero-width spaces, bidirectional marks, embeddings, overrides and isolates) are refused; the joiners U+200C and U+200D are allowed. The name is kept in Unicode's composed form (NFC): two names that differ only in how an accent is encoded are one name."
          minLength: 1
          maxLength: 100
          pattern: '^[^\#(TeamName.refusedPatternClass)]*[^\s\u0085\#(TeamName.refusedPatternClass)][^\#(TeamName.refusedPatternClass)]*$'
    NewToken:
      type: object
      properties:
        label:
          type: string
          nullable: true
          maxLength: 100
    Token:
      type: object
      required: [id, role, created_at]
      properties:
        id:
          type: integer
        role:
          type: string
        team:
          type: string
          nullable: true
        label:
          type: string
          nullable: true
        created_at:
          type: string
          format: date-time
        revoked_at:
          type: string
          format: date-time
          nullable: true
    TokenList:
      type: array
      items:
        $ref: '#/components/schemas/Token'
    Rejudge:
      type: object
      required: [queued]
      properties:
        queued:
          type: integer
"""#
}
