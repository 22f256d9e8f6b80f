import Challenge
import GRDB

extension SQLiteStore {
    /// The stored summary JSON of each submission's split (curves and metrics), under the current truth and the
    /// given scorer version. Callers ask only for splits the audience may see.
    public func splitSummaries(submissionIDs: [Int64], split: Split, challenge: StoredChallenge, scorerVersion: String) throws -> [Int64: String] {
        guard let truthVersion = challenge.truthVersion, !submissionIDs.isEmpty else { return [:] }
        return try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.submission_id, s.summary_json FROM split_summaries s JOIN evaluations e ON e.id = s.evaluation_id
                    WHERE e.submission_id IN (\(placeholders(submissionIDs.count))) AND e.scorer_version = ? AND e.truth_version = ? AND s.split = ?
                    """,
                arguments: StatementArguments(submissionIDs.map { $0 as any DatabaseValueConvertible } + [scorerVersion, truthVersion, split.rawValue]))
            return Dictionary(rows.map { ($0["submission_id"], $0["summary_json"]) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
