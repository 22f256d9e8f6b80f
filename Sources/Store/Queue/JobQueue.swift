/// Settings every queue adapter shares.
public enum JobQueue {
    /// Claims a job may have before it is quarantined.
    public static let defaultMaxAttempts = 3
}
