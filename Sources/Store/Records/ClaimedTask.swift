/// A job of a kind other than scoring, held under a lease: its payload is the worker's own description of the
/// work (for tiling, the slide and the pyramid's options), opaque to the store.
public struct ClaimedTask: Sendable, Equatable {
    public let lease: JobLease
    public let kind: JobKind
    public let payload: String

    public init(lease: JobLease, kind: JobKind, payload: String) {
        self.lease = lease
        self.kind = kind
        self.payload = payload
    }
}
