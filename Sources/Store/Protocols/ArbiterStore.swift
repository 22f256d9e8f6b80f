/// Everything the platform keeps, as one store: what Intake, Judge, Site, Server and the CLI hold. Adapters
/// (`SQLiteStore` today) conform; `StoreFactory` opens one from a `--database` URL. The conformance tests in
/// `Tests/StoreTests` pin down what every adapter must guarantee.
public protocol ArbiterStore: ChallengeStore, TeamStore, SubmissionStore, JobStore, ResultStore, TruthStore, AuditStore,
    HistoryStore, ContainerRunStore, SessionStore, DocumentStore, RefusalStore, StudyStore, AccountStore,
    ParticipationStore
{
    /// The files behind the rows: submissions and truth files, by content digest.
    var blobs: any BlobStore { get }
    /// Where the store is, for `arbiter doctor`, with any password removed.
    var location: String { get }
    /// The database engine and its version, for `arbiter doctor`.
    func engineVersion() throws -> String
    /// Whether the database answers, for the readiness probe.
    func isReachable() -> Bool
}
