import Challenge
import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import NIOCore
import Store

/// Every refusal the API gives, as `{"error": {"code", "message", "details": [...]}}` with its 4xx or 5xx status.
/// Messages name the caller's own mistake (the upload, the token, the route), never ground truth or another team.
public struct APIError: HTTPResponseError, Sendable, Equatable {
    public let status: HTTPResponse.Status
    /// A stable, machine-readable kind such as `invalid-file` or `limit-reached`.
    public let code: String
    public let message: String
    public let details: [Detail]
    /// Seconds until the request may succeed, sent as `Retry-After`.
    public let retryAfterSeconds: Int?

    /// Where in the uploaded file one problem is.
    public struct Detail: Codable, Sendable, Equatable {
        public let code: String
        public let message: String
        public let line: Int?
        public let column: Int?
        public let field: String?
        public let caseID: String?
        public let byteOffset: Int?
    }

    public init(_ status: HTTPResponse.Status, code: String, message: String, details: [Detail] = [], retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.retryAfterSeconds = retryAfterSeconds
    }

    private struct Body: Encodable {
        struct Content: Encodable {
            let code: String
            let message: String
            let details: [Detail]
        }
        let error: Content
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"arbiter\"" }
        let body = try APIJSON.encoder.encode(Body(error: .init(code: code, message: message, details: details)))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIError {
    static let unauthenticated = APIError(
        .unauthorized, code: "unauthenticated", message: "this route needs a bearer token: send `Authorization: Bearer <token>`")
    static let invalidToken = APIError(
        .unauthorized, code: "invalid-token", message: "the token is not valid (unknown or revoked): ask the organisers for a new one")

    static func forbidden(_ message: String) -> APIError { APIError(.forbidden, code: "forbidden", message: message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not-found", message: message) }

    /// 429 after a rate limit: `what` says what there was too much of; the wait, in whole seconds, is in the message
    /// and in `Retry-After`.
    static func rateLimited(_ what: String, wait: Double) -> APIError {
        let seconds = APIHandlers.seconds(wait)
        return APIError(.tooManyRequests, code: "rate-limited", message: "\(what); retry in \(seconds) s", retryAfterSeconds: seconds)
    }
    static func badRequest(_ message: String, code: String = "bad-request") -> APIError {
        APIError(.badRequest, code: code, message: message)
    }

    /// The intake's verdict in the same words `arbiter submit` prints offline.
    init(_ error: IntakeError, now: Date) {
        switch error {
        case .unauthorized:
            self = .invalidToken
        case .wrongChallenge:
            self.init(.forbidden, code: "wrong-challenge", message: error.description)
        case .phaseNotOpen:
            self.init(.conflict, code: "phase-not-open", message: error.description)
        case .fileTooLarge:
            self.init(.contentTooLarge, code: "file-too-large", message: error.description)
        case .invalidFile(let failure):
            self.init(.unprocessableContent, code: "invalid-file", message: error.description, details: failure.problems.map(Detail.init))
        case .limitReached(let refusal):
            if let next = refusal.nextAllowedAt {
                let wait = APIHandlers.seconds(next.timeIntervalSince(now))
                self.init(.tooManyRequests, code: "limit-reached", message: error.description, retryAfterSeconds: wait)
            } else {
                // The phase's total is spent: no later retry will succeed.
                self.init(.conflict, code: "total-limit-reached", message: error.description)
            }
        case .noCases:
            self.init(.conflict, code: "no-cases", message: error.description)
        case .notAdmitted:
            self.init(.forbidden, code: "not-admitted", message: error.description)
        case .noTeam:
            self.init(.forbidden, code: "no-team", message: error.description)
        }
    }

    /// Store failures a caller can cause (an unknown slug or id); anything else is the server's own fault.
    init?(_ error: StoreError) {
        switch error {
        case .unknownChallenge, .unknownPhase, .unknownTeam, .unknownSubmission, .unknownToken, .unknownStudy, .unknownStudyItem,
             .unknownAccessRequest, .unknownAccount,
             .unknownStudyReader, .unknownDispute:
            self.init(.notFound, code: "not-found", message: error.description)
        case .studyItemHasReads, .notAssigned, .disputeAlreadyResolved, .invalidStudyChange, .invalidTeamChange:
            self.init(.conflict, code: "invalid-change", message: error.description)
        case .duplicateTeam:
            self.init(.conflict, code: "duplicate-team", message: error.description)
        case .invalidTeamName:
            self.init(.badRequest, code: "invalid-team-name", message: error.description)
        case .invalidSpecChange:
            self.init(.conflict, code: "invalid-change", message: error.description)
        case .io, .corruptBlob, .noGroundTruth, .unsupportedDatabase, .unknownCase, .corruptValue:
            return nil
        }
    }
}

extension APIError.Detail {
    init(_ problem: ValidationProblem) {
        self.init(code: problem.kind.rawValue, message: problem.message, line: problem.line, column: problem.column,
                  field: problem.field, caseID: problem.caseID, byteOffset: problem.byteOffset)
    }
}
