import Foundation
import Hummingbird
import Logging
import NIOCore

/// Per-request state: Hummingbird's core storage plus the peer, which keys anonymous rate limits, and the request's id.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, when the transport knows it.
    public let peer: String?
    /// The id a failed request is reported under, to the caller and in the log. Hummingbird's own `id` unwraps the
    /// logger's metadata, which a log handler that keeps none (SwiftLog's no-op handler, say) returns as nil: then it
    /// traps, and with it the whole server, on the very request that failed.
    public let requestID: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
        requestID = source.logger[metadataKey: "hb.request.id"]?.description ?? RequestID().description
    }

    public var requestDecoder: JSONDecoder { APIJSON.decoder }
    public var responseEncoder: JSONEncoder { APIJSON.encoder }
}
