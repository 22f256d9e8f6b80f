/// Settings every queue adapter shares.
public enum JobQueue {
    /// Claims a job may have before it is quarantined.
    public static let defaultMaxAttempts = 3

    /// The operator's reason for a quarantined job, as an SQL expression over its row (both adapters' dialects).
    static let gaveUpReasonSQL = """
        'gave up after ' || attempts || ' attempts, each ended without a result '
            || '(the worker crashed, was killed or lost its lease while working on it)'
        """
}
