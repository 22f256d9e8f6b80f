import HTTPTypes
import Hummingbird
import NIOHTTP1

extension APIError {
    /// The request's HTTP framing broke while its body was read (a chunk size that is not hexadecimal, a connection
    /// that ended before the `Content-Length` it declared): a 400 naming the problem. The connection is closed after
    /// the answer, since where the next request would start is unknown.
    init(framing error: HTTPParserError) {
        let message: String = switch error {
        case .invalidChunkSize: "a chunk size of the chunked body is not a hexadecimal number"
        case .invalidEOFState, .closedConnection: "the connection ended before the body its Content-Length declared was complete"
        case .invalidContentLength, .unexpectedContentLength: "the Content-Length header is not a single non-negative number"
        case .headerOverflow: "the request's headers are too large"
        default: "the request's HTTP framing is malformed (\(error))"
        }
        self.init(.badRequest, code: "malformed-request", message: message)
    }

    /// A body shorter than its declared `Content-Length` (the transport could not tell: a test, or a proxy that cut it).
    static func truncatedBody(received: Int, declared: Int) -> APIError {
        APIError(.badRequest, code: "malformed-request",
                 message: "the body ended after \(received) of the \(declared) bytes its Content-Length declared")
    }
}

extension APIErrorMiddleware {
    static func malformedFraming(_ error: HTTPParserError, request: Request, context: Context) throws -> Response {
        var response = try APIError(framing: error).response(from: request, context: context)
        response.headers[.connection] = "close"
        return response
    }
}
