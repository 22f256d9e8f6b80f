import Logging
import NIOCore
import PostgresNIO

/// Keeps one connection of its own LISTENing on the schema's job channel, and signals the process's `JobSignal` on
/// every NOTIFY, so an idle judge claims a new submission at once instead of at its next poll.
///
/// LISTEN belongs to a session, so it cannot borrow the pool's connections. When the connection drops (the server
/// restarted, the network failed), it signals once, because jobs may have been queued while nobody listened, and
/// connects again after a pause; the workers' polling covers the gap.
struct PostgresJobListener: Sendable {
    let channel: String
    let configuration: PostgresConnection.Configuration
    let group: any EventLoopGroup
    let signal: JobSignal
    let logger: Logger
    var reconnectPause = Duration.seconds(1)

    /// Listens until the task is cancelled.
    func run() async {
        var connectionID = 1_000
        while !Task.isCancelled {
            connectionID += 1
            do {
                let connection = try await PostgresConnection.connect(
                    on: group.any(), configuration: configuration, id: connectionID, logger: logger)
                do {
                    try await connection.listen(on: channel) { notifications in
                        // Anything queued before LISTEN took effect announced itself to nobody.
                        signal.signal()
                        for try await _ in notifications { signal.signal() }
                    }
                } catch {
                    logger.debug("job channel closed", metadata: ["error": "\(error)"])
                }
                try? await connection.close()
            } catch {
                logger.debug("cannot listen for jobs", metadata: ["error": "\(error)"])
            }
            signal.signal()
            try? await Task.sleep(for: reconnectPause)
        }
    }
}
