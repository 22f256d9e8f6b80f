import Hummingbird
import Logging
import NIOHTTP1
import Store

/// Gives every failure the API's JSON error shape. Errors that are not a caller's mistake become a bare 500
/// whose message names only the request id: their text (paths, SQL) is for the operator's log, not the caller; a
/// database that does not answer (restarting, failing over) becomes a 503 with Retry-After.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            return try Self.missingRoute(request, context: context)
        } catch let error as HTTPError {
            return try APIError(error.status, code: "http-\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
                .response(from: request, context: context)
        } catch let error as BodyReadTimeout {
            var response = try APIError(.requestTimeout, code: "body-timeout",
                                        message: "the request body paused for more than \(error.seconds) s; send it again on a new connection")
                .response(from: request, context: context)
            response.headers[.connection] = "close"
            return response
        } catch let error as any DatabaseServerError where error.isUnavailable {
            // A database restart or failover: nothing was stored, and the same request may succeed in a moment.
            logger.warning("database unavailable", metadata: ["request": "\(context.requestID)", "error": "\(StoreDiagnostics.logText(error))"])
            return try APIError(.serviceUnavailable, code: "database-unavailable",
                                message: "the database does not answer at the moment; nothing was stored, send the request again",
                                retryAfterSeconds: 2)
                .response(from: request, context: context)
        } catch let error as HTTPParserError {
            return try Self.malformedFraming(error, request: request, context: context)
        } catch {
            logger.error("request failed", metadata: ["request": "\(context.requestID)", "route": "\(request.method) \(request.uri.path)", "error": "\(StoreDiagnostics.logText(error))"])
            return try APIError(.internalServerError, code: "internal", message: "the server failed on request \(context.requestID); the operators have the details")
                .response(from: request, context: context)
        }
    }

    /// No route for this method and path: a 405 naming the methods the path does have, or a 404 if it has none.
    static func missingRoute(_ request: Request, context: Context) throws -> Response {
        let allowed = Endpoint.methods(allowedAt: request.uri.path)
        guard !allowed.isEmpty, !allowed.contains(request.method) else {
            return try APIError.notFound("no route \(request.method) \(request.uri.path)").response(from: request, context: context)
        }
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        var response = try APIError(.methodNotAllowed, code: "method-not-allowed",
                                    message: "\(request.uri.path) does not answer \(request.method); it answers \(list)")
            .response(from: request, context: context)
        response.headers[.allow] = list
        return response
    }
}
