import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Logging
import NIOCore
import NIOPosix
import Store

/// Answers each `Endpoint`: identifies the caller, checks the route's audience and the caller's rate, then
/// runs the route. Store work that may wait on the disk runs on NIO's blocking pool, not on the
/// cooperative threads that serve other requests.
struct APIHandlers: Sendable {
    let store: any ArbiterStore
    let spool: UploadSpool
    let requests: RateLimiter
    let uploads: RateLimiter
    let leaderboards: LeaderboardCache
    let metrics: ServerMetrics
    let clock: @Sendable () -> Date
    let logger: Logger
    let intake: SubmissionIntake
    let uploadWork: UploadWorkPool
    /// The annotation viewer's tiles and frames.
    let viewer: ItemViewer

    func respond(_ endpoint: Endpoint, to request: Request, context: APIRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - started
            metrics.requestFinished(endpoint.rawValue, status: status,
                                    seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        do {
            let (identified, rateKey) = try await identifyLimitingFailures(request, context: context)
            let caller = try await scoped(identified, for: endpoint, context: context)
            guard endpoint.admits(caller) else {
                throw caller == .anonymous ? APIError.unauthenticated
                    : APIError.forbidden("a \(caller.role) token cannot use \(endpoint.method) \(endpoint.path)")
            }
            if let wait = await requests.spend(1, key: rateKey) {
                throw APIError(.tooManyRequests, code: "rate-limited",
                               message: "too many requests with this token; retry in \(Self.seconds(wait)) s",
                               retryAfterSeconds: Self.seconds(wait))
            }
            let response = try await route(endpoint, request: request, context: context, caller: caller, rateKey: rateKey)
            status = response.status.code
            return response
        } catch let error as APIError {
            status = error.status.code
            throw error
        } catch let error as StoreError {
            guard let refusal = APIError(error) else { throw error }
            status = refusal.status.code
            throw refusal
        } catch let error as HTTPError {
            status = error.status.code
            throw error
        } catch let error as IntakeError {
            // An account not yet admitted to submit (`ParticipantScope`), in the intake's words.
            let refusal = APIError(error, now: clock())
            status = refusal.status.code
            throw refusal
        }
    }

    /// Every failed authentication spends from the peer's bucket, so guessing tokens is slowed like any other abuse.
    private func identifyLimitingFailures(_ request: Request, context: APIRequestContext) async throws -> (Caller, String) {
        do {
            return try await identify(request, context: context)
        } catch let error as APIError where error.status == .unauthorized {
            if let wait = await requests.spend(1, key: "peer:\(context.peer ?? "unknown")") {
                throw APIError(.tooManyRequests, code: "rate-limited", message: "too many failed authentications; retry in \(Self.seconds(wait)) s",
                               retryAfterSeconds: Self.seconds(wait))
            }
            throw error
        }
    }

    private func route(_ endpoint: Endpoint, request: Request, context: APIRequestContext, caller: Caller, rateKey: String) async throws -> Response {
        switch endpoint {
        // Liveness touches nothing shared: no pool, no store, so it answers whatever else is busy.
        case .health: return Self.text("ok\n")
        case .leaderboard: return try await leaderboard(context)
        case .submit: return try await submit(request, context: context, caller: caller, rateKey: rateKey)
        case .addTeam: return try await addTeam(request, context: context)
        case .issueTeamToken: return try await issueTeamToken(request, context: context)
        case .saveRead: return try await saveRead(request, context: context, caller: caller)
        case .decideDispute: return try await decideDispute(request, context: context, caller: caller)
        case .studyReads: return try await studyReads(request, context: context)
        case .studyAgreement: return try await studyAgreement(request, context: context)
        case .inviteToTeam: return try await inviteToTeam(context, caller: caller)
        case .joinTeam: return try await joinTeam(request, context: context, caller: caller)
        default:
            // Everything else is store work from start to end: off the cooperative pool as a whole.
            return try await blocking { [self] in try storeRoute(endpoint, context: context, caller: caller) }
        }
    }

    private func storeRoute(_ endpoint: Endpoint, context: APIRequestContext, caller: Caller) throws -> Response {
        switch endpoint {
        case .readiness: return try readiness()
        case .metrics: return Self.text(metrics.exposition(queue: try? store.queueStatistics(now: clock())), contentType: "text/plain; version=0.0.4")
        case .openAPI: return Self.text(OpenAPIDocument.yaml, contentType: "application/yaml")
        case .me: return try me(caller)
        case .challenges: return try challenges()
        case .challenge: return try challenge(context)
        case .phase: return try phase(context)
        case .health, .leaderboard, .submit, .addTeam, .issueTeamToken, .saveRead, .decideDispute, .studyReads,
             .studyAgreement, .inviteToTeam, .joinTeam:
            preconditionFailure("\(endpoint) is routed above")
        case .submission: return try submission(context, caller: caller)
        case .submissions: return try submissions(context, caller: caller)
        case .chooseSubmission: return try choose(context, caller: caller)
        case .submissionLog: return try submissionLog(context, caller: caller)
        case .teams: return try teams(context)
        case .tokens: return try tokens(context)
        case .revokeToken: return try revokeToken(context)
        case .openPhase: return try setAvailability(.open, context: context)
        case .closePhase: return try setAvailability(.closed, context: context)
        case .schedulePhase: return try setAvailability(nil, context: context)
        case .publishPhase: return try publish(context)
        case .rejudgePhase: return try rejudge(context)
        case .studies: return try studies(context)
        case .study: return try studyStatus(context)
        case .studyConsensus: return try studyConsensus(context)
        case .assignments: return try assignments(context, caller: caller)
        case .assignmentReads: return try assignmentReads(context, caller: caller)
        case .disputes: return try disputes(context, caller: caller)
        case .assignmentImage: return try assignmentImage(context, caller: caller)
        case .disputeImage: return try disputeImage(context, caller: caller)
        }
    }

    /// An account's token, on a route of a challenge (or of a submission) whose team it is in, acts as that team;
    /// submitting asks for full admission (`ParticipantScope`).
    private func scoped(_ caller: Caller, for endpoint: Endpoint, context: APIRequestContext) async throws -> Caller {
        guard case .participant(let account) = caller, [.team, .teamOrOrganiser].contains(endpoint.access) else { return caller }
        let (slug, submissionID) = (context.parameters.get("challenge"), context.parameters.get("id").flatMap { Int64($0) })
        let submitting = endpoint == .submit
        return try await blocking { [store] in
            let challenge: StoredChallenge
            if let slug {
                challenge = try store.challenge(slug)
            } else if let submissionID {
                challenge = try store.challengeAndPhase(of: try store.submission(submissionID)).0
            } else {
                return caller
            }
            return try ParticipantScope.caller(for: account, in: challenge, submitting: submitting, store: store)
        }
    }

    /// The caller and the key its request rate is counted under: the token's digest, or the peer's address.
    private func identify(_ request: Request, context: APIRequestContext) async throws -> (Caller, String) {
        guard let header = request.headers[.authorization] else {
            return (.anonymous, "peer:\(context.peer ?? "unknown")")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError(.unauthorized, code: "invalid-token", message: "the Authorization header must be `Bearer <token>`")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard let identity = try await blocking({ [store] in try store.authenticate(token: token) }) else {
            throw APIError.invalidToken
        }
        return (Caller(identity), "token:" + AccessToken.digest(token))
    }

    /// Runs store work that may block (fsync, SQLite's write lock) off the cooperative pool. Uploads validate on
    /// `uploadWork`'s threads, never here, so store routes and probes do not queue behind them.
    func blocking<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await Self.blocking(work)
    }

    static func blocking<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await blockingPool.runIfActive(work)
    }

    /// One pool per process, like NIO's own singleton, but wider: its threads mostly wait on the disk.
    private static let blockingPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) throws -> Response {
        // Answers may carry a token shown once, or a team's own scores: no cache may keep them.
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try APIJSON.encoder.encode(value))))
    }

    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Self.text(Array(text.utf8), contentType: contentType)
    }

    static func text(_ bytes: [UInt8], contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A wait as Retry-After's whole seconds: at least 1, and at most a week, also for a wait that never ends (a rate
    /// of 0 gives an infinite one), which `Int(_:)` would trap on.
    static func seconds(_ wait: Double) -> Int {
        guard wait.isFinite else { return maximumRetryAfter }
        return Int(min(max(1, wait.rounded(.up)), Double(maximumRetryAfter)))
    }

    static let maximumRetryAfter = 7 * 86_400
}
