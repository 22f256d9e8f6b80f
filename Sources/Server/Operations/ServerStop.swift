/// Asks a running `ArbiterServer` to stop as SIGTERM does: stop accepting, finish the requests in flight, close the
/// connections, then return from `run`. Cancelling the task that runs the server instead drops connections that were
/// accepted but not yet served, which NIO treats as a programming error and stops the process for.
public final class ServerStop: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self)
    }

    /// Starts the graceful stop; the server's `run` returns once it is done.
    public func trigger() {
        continuation.yield()
        continuation.finish()
    }

    /// Returns once triggered, or when the calling task is cancelled.
    func wait() async {
        for await _ in stream { return }
    }
}
