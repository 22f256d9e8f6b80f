import Hummingbird
import Logging

/// Gives every failure the API's JSON error shape. Errors that are not a caller's mistake become a bare 500
/// whose message names only the request id: their text (paths, SQL) is for the operator's log, not the caller.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not-found" : error.status.code == 405 ? "method-not-allowed" : "http-\(error.status.code)"
            let message = error.status == .notFound ? "no route \(request.method) \(request.uri.path)" : error.body ?? error.status.reasonPhrase
            return try APIError(error.status, code: code, message: message).response(from: request, context: context)
        } catch {
            logger.error("request failed", metadata: ["request": "\(context.id)", "route": "\(request.method) \(request.uri.path)", "error": "\(error)"])
            return try APIError(.internalServerError, code: "internal", message: "the server failed on request \(context.id); the operators have the details")
                .response(from: request, context: context)
        }
    }
}
