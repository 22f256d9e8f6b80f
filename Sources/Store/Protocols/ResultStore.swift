import Challenge

/// Scores: per split aggregates, per case values and summaries, keyed by (submission, scorer version, truth
/// version), read back for leaderboards. Queries take the splits a reader may see; a sealed split is never asked for.
public protocol ResultStore: Sendable {
    func scoredSubmissions(phase: StoredPhase, challenge: StoredChallenge, scorerVersion: String, visibleSplits: [Split]) throws -> [ScoredSubmission]
    func teamActivity(phase: StoredPhase, challenge: StoredChallenge) throws -> [TeamActivity]
    /// Stored aggregates of each submission for the given splits, in one read (a page listing submissions asks once);
    /// the newest evaluation's value wins where re-judging left several. A submission without any is absent.
    func aggregates(submissionIDs: [Int64], splits: [Split]) throws -> [Int64: [Split: [String: Double?]]]
    func caseValues(submissionIDs: [Int64], metric: String, splits: [Split], challenge: StoredChallenge, scorerVersion: String) throws -> [Int64: [String: Double]]
    func splitSummaries(submissionIDs: [Int64], split: Split, challenge: StoredChallenge, scorerVersion: String) throws -> [Int64: String]
    /// Changes whenever a result is recorded, so a cached leaderboard knows it is stale.
    func leaderboardRevision() throws -> String
}

extension ResultStore {
    /// Stored aggregates of one submission for the given splits (for re-judging checks and team views).
    public func aggregates(submissionID: Int64, splits: [Split]) throws -> [Split: [String: Double?]] {
        try aggregates(submissionIDs: [submissionID], splits: splits)[submissionID] ?? [:]
    }
}
