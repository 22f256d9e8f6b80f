import Challenge
import GRDB

extension SQLiteStore {
    /// Per-case values of one metric for the given submissions, restricted to cases of `splits` (callers pass
    /// only splits the audience may see), under the challenge's current truth and the given scorer version.
    public func caseValues(
        submissionIDs: [Int64], metric: String, splits: [Split], challenge: StoredChallenge, scorerVersion: String
    ) throws -> [Int64: [String: Double]] {
        guard let truthVersion = challenge.truthVersion, !submissionIDs.isEmpty, !splits.isEmpty else { return [:] }
        return try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.submission_id, c.case_id, r.value FROM case_results r
                    JOIN evaluations e ON e.id = r.evaluation_id
                    JOIN cases c ON c.id = r.case_ref
                    WHERE e.submission_id IN (\(placeholders(submissionIDs.count))) AND e.scorer_version = ? AND e.truth_version = ?
                      AND r.metric = ? AND c.split IN (\(placeholders(splits.count)))
                    """,
                arguments: StatementArguments(submissionIDs.map { $0 as any DatabaseValueConvertible } + [scorerVersion, truthVersion, metric]
                                              + splits.map(\.rawValue)))
            var values: [Int64: [String: Double]] = [:]
            for row in rows { values[row["submission_id"], default: [:]][row["case_id"]] = row["value"] }
            return values
        }
    }
}
