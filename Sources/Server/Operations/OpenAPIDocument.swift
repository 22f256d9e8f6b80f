/// The OpenAPI 3 description of `Endpoint`, served at `/api/v1/openapi.yaml`; a test checks that it lists
/// exactly the routes the server answers, with their audiences.
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.0.3
info:
  title: Arbiter API
  version: "1"
  description: |
    Challenge information, submissions, leaderboards and organiser controls. Authenticate with
    `Authorization: Bearer <token>`. Every error is `{"error": {"code", "message", "details"}}`.
    x-access on each operation says who may call it: everyone, signedIn (any valid token), team,
    teamOrOrganiser (a team sees only its own submissions) or organiser.
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
    team:
      name: team
      in: path
      required: true
      description: "Team name."
      schema:
        type: string
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
    SubmissionList:
      type: array
      items:
        $ref: '#/components/schemas/Submission'
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
    NewToken:
      type: object
      properties:
        label:
          type: string
          nullable: true
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
paths:
  /healthz:
    get:
      operationId: health
      summary: "Liveness: the process answers."
      x-access: everyone
      responses:
        '200':
          description: "Success."
          content:
            text/plain:
              schema:
                type: string
        default:
          $ref: '#/components/responses/Error'
  /readyz:
    get:
      operationId: readiness
      summary: "Readiness: the database answers."
      x-access: everyone
      responses:
        '200':
          description: "Success."
          content:
            text/plain:
              schema:
                type: string
        default:
          $ref: '#/components/responses/Error'
  /metrics:
    get:
      operationId: metrics
      summary: "Prometheus metrics (request counts and durations, submissions, pending jobs)."
      x-access: everyone
      responses:
        '200':
          description: "Success."
          content:
            text/plain:
              schema:
                type: string
        default:
          $ref: '#/components/responses/Error'
  /api/v1/openapi.yaml:
    get:
      operationId: openAPI
      summary: "This document."
      x-access: everyone
      responses:
        '200':
          description: "Success."
          content:
            application/yaml:
              schema:
                type: string
        default:
          $ref: '#/components/responses/Error'
  /api/v1/me:
    get:
      operationId: me
      summary: "Who the bearer token belongs to."
      x-access: signedIn
      security:
        - bearer: []
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Identity'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges:
    get:
      operationId: challenges
      summary: "Every challenge with its phases."
      x-access: everyone
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ChallengeList'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}:
    get:
      operationId: challenge
      summary: "One challenge: task, metrics, phases."
      x-access: everyone
      parameters:
        - $ref: '#/components/parameters/challenge'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Challenge'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/phases/{phase}:
    get:
      operationId: phase
      summary: "One phase: window, status, limits."
      x-access: everyone
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/phase'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Phase'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/leaderboard:
    get:
      operationId: leaderboard
      summary: "The public leaderboard (the static site's leaderboard.json); sealed splits are absent."
      x-access: everyone
      parameters:
        - $ref: '#/components/parameters/challenge'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                type: object
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/phases/{phase}/submissions:
    post:
      operationId: submit
      summary: "Upload a prediction file (raw body or multipart field `file`); 202 with the status URL, or 200 on `dry_run=true`."
      x-access: team
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/phase'
        - name: dry_run
          in: query
          description: "Validate only: nothing is stored or counted."
          schema:
            type: boolean
        - name: file_name
          in: query
          description: "The file's name, for raw bodies (archives and volumes need their extension)."
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema:
              type: string
              format: binary
          multipart/form-data:
            schema:
              type: object
              properties:
                file:
                  type: string
                  format: binary
      responses:
        '202':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Accepted'
        '200':
          description: "Valid (dry run); nothing stored."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Accepted'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/submissions/{id}:
    get:
      operationId: submission
      summary: "A submission of the caller's team (organisers: any)."
      x-access: teamOrOrganiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/id'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Submission'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/submissions:
    get:
      operationId: submissions
      summary: "The caller's team's submissions (organisers: every team's)."
      x-access: teamOrOrganiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/SubmissionList'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/submissions/{id}/choose:
    post:
      operationId: chooseSubmission
      summary: "Choose a submission as the team's final entry."
      x-access: team
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/id'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Submission'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/teams:
    get:
      operationId: teams
      summary: "Teams with their submission counts."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/TeamList'
        default:
          $ref: '#/components/responses/Error'
    post:
      operationId: addTeam
      summary: "Register a team; the answer carries its first token, shown once."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/NewTeam'
      responses:
        '201':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Team'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/tokens:
    get:
      operationId: tokens
      summary: "The team tokens (never the secrets)."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/TokenList'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/teams/{team}/tokens:
    post:
      operationId: issueTeamToken
      summary: "Issue another token for a team, shown once."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/team'
      requestBody:
        required: false
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/NewToken'
      responses:
        '201':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Team'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/tokens/{id}:
    delete:
      operationId: revokeToken
      summary: "Revoke a token."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/id'
      responses:
        '204':
          description: "Success."
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/phases/{phase}/open:
    post:
      operationId: openPhase
      summary: "Open the phase now, whatever its schedule."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/phase'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Phase'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/phases/{phase}/close:
    post:
      operationId: closePhase
      summary: "Close the phase now."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/phase'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Phase'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/phases/{phase}/schedule:
    post:
      operationId: schedulePhase
      summary: "Return the phase to its schedule."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/phase'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Phase'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/phases/{phase}/publish:
    post:
      operationId: publishPhase
      summary: "Publish the private split's scores."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/phase'
      responses:
        '200':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Phase'
        default:
          $ref: '#/components/responses/Error'
  /api/v1/challenges/{challenge}/phases/{phase}/rejudge:
    post:
      operationId: rejudgePhase
      summary: "Queue every submission of the phase for scoring again."
      x-access: organiser
      security:
        - bearer: []
      parameters:
        - $ref: '#/components/parameters/challenge'
        - $ref: '#/components/parameters/phase'
      responses:
        '202':
          description: "Success."
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Rejudge'
        default:
          $ref: '#/components/responses/Error'
"""#
}
