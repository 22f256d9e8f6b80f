/// An error from a store's database server. Code outside `Store` asks this, never an adapter's own error type, whether
/// the database was away for the moment (a restart, a failover, a network cut) rather than the request wrong.
public protocol DatabaseServerError: Error {
    /// Whether the database could not be reached or dropped the connection: the same request may succeed a moment later.
    var isUnavailable: Bool { get }
}
