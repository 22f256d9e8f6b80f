import Logging
import Synchronization

/// A log handler that keeps every event, so a test can read what was logged.
struct LogRecorder: LogHandler {
    final class Events: Sendable {
        let events = Mutex<[LogEvent]>([])
    }

    private let store = Events()
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    /// Every event logged so far, oldest first.
    var events: [LogEvent] { store.events.withLock { $0 } }

    func log(event: LogEvent) {
        store.events.withLock { $0.append(event) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
