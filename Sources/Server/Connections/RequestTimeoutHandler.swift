import NIOCore
import NIOHTTPTypes

/// Why a request stopped being read: its body paused longer than `ServerConfiguration.bodyTimeout`.
struct BodyReadTimeout: Error, Equatable {
    let seconds: Double
}

/// Times the reading side of an HTTP/1 connection, between the decoder and the request handler:
/// - waiting for a request's head (from the connection's opening or the previous answer) at most `headerTimeout`,
///   then the connection is closed (nothing is in progress, so nothing is lost);
/// - a body that pauses longer than `bodyTimeout` between two pieces fails its request with `BodyReadTimeout`
///   (answered 408), and the connection is closed once that answer is written.
/// Timers are scheduled on the channel's event loop, so an embedded loop's virtual time drives them in tests.
final class RequestTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum Reading { case head, body, nothing }

    let headerTimeout: TimeAmount
    let bodyTimeout: TimeAmount
    private var reading = Reading.head
    private var answersOwed = 0
    private var closeAfterAnswer = false
    private var timer: Scheduled<Void>?

    init(headerTimeout: TimeAmount, bodyTimeout: TimeAmount) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context, after: headerTimeout) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelActive(context: ChannelHandlerContext) {
        if timer == nil, reading == .head { arm(context, after: headerTimeout) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            answersOwed += 1
            reading = .body
            arm(context, after: bodyTimeout)
        case .body:
            if reading == .body { arm(context, after: bodyTimeout) }
        case .end:
            reading = .nothing
            disarm()
            // Answered before its body was all read (an early refusal): the next head is awaited from now.
            if answersOwed == 0 { awaitHead(context) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        answersOwed = max(0, answersOwed - 1)
        if closeAfterAnswer, answersOwed == 0 {
            context.writeAndFlush(data, promise: promise)
            context.close(promise: nil)
            return
        }
        // The next request's head is awaited once every answer is out and no body is still arriving.
        if answersOwed == 0, reading == .nothing { awaitHead(context) }
        context.write(data, promise: promise)
    }

    private func awaitHead(_ context: ChannelHandlerContext) {
        reading = .head
        arm(context, after: headerTimeout)
    }

    private func arm(_ context: ChannelHandlerContext, after delay: TimeAmount) {
        disarm()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [self] in
            timer = nil
            expired(context)
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }

    private func expired(_ context: ChannelHandlerContext) {
        switch reading {
        case .head:
            context.close(promise: nil)
        case .body:
            reading = .nothing
            if answersOwed == 0 {
                // The request was answered already (early refusals do not read bodies): nothing left to tell.
                context.close(promise: nil)
            } else {
                closeAfterAnswer = true
                context.fireErrorCaught(BodyReadTimeout(seconds: Double(bodyTimeout.nanoseconds) / 1e9))
            }
        case .nothing:
            break
        }
    }
}
