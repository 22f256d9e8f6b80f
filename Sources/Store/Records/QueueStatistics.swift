/// The queue at one moment, for the operator's metrics. Every job ever queued is in exactly one of the five states.
public struct QueueStatistics: Sendable, Equatable {
    public var queued = 0
    /// Claimed, with a lease still running.
    public var running = 0
    /// Claimed, with a lease that ran out: the worker died or stalled, and the next claim takes the job over.
    public var leaseExpired = 0
    public var done = 0
    /// Quarantined after its attempts, or failed by its scorer.
    public var failed = 0
    /// Claims ever made: a job's first claim and every claim after a lease ran out.
    public var claims = 0
    /// Claims that took a job over after an earlier claim's lease ran out.
    public var reclaims = 0

    public init(queued: Int = 0, running: Int = 0, leaseExpired: Int = 0, done: Int = 0, failed: Int = 0, claims: Int = 0, reclaims: Int = 0) {
        self.queued = queued
        self.running = running
        self.leaseExpired = leaseExpired
        self.done = done
        self.failed = failed
        self.claims = claims
        self.reclaims = reclaims
    }
}

extension QueueStatistics {
    /// One pass over the jobs, grouped by kind, in SQL both adapters run, with `now` the placeholder of the time leases are judged at
    /// (`?1` in SQLite, `$1` in PostgreSQL). Every column is a BIGINT, zero for an empty queue (PostgreSQL's SUM
    /// of BIGINT would be NUMERIC).
    static func query(now: String) -> String {
        let columns = [
            ("queued", "SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END)"),
            ("running", "SUM(CASE WHEN state = 'running' AND lease_until >= \(now) THEN 1 ELSE 0 END)"),
            ("lease_expired", "SUM(CASE WHEN state = 'running' AND lease_until < \(now) THEN 1 ELSE 0 END)"),
            ("done", "SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END)"),
            ("failed", "SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END)"),
            ("claims", "SUM(attempts)"),
            ("reclaims", "SUM(CASE WHEN attempts > 1 THEN attempts - 1 ELSE 0 END)"),
        ]
        return "SELECT kind, " + columns.map { "CAST(COALESCE(\($0.1), 0) AS BIGINT) AS \($0.0)" }.joined(separator: ", ")
            + " FROM jobs GROUP BY kind"
    }

    /// The query's rows by kind, with every kind present (zero when it has no jobs). A kind this build does not
    /// know (written by a newer one sharing the database) is left out.
    static func byKind(_ rows: [(kind: String, statistics: QueueStatistics)]) -> [JobKind: QueueStatistics] {
        var byKind = Dictionary(uniqueKeysWithValues: JobKind.allCases.map { ($0, QueueStatistics()) })
        for row in rows {
            if let kind = JobKind(rawValue: row.kind) { byKind[kind] = row.statistics }
        }
        return byKind
    }
}
