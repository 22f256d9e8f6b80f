import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// Per-case values of one metric for the given submissions, restricted to cases of `splits` (callers pass
    /// only splits the audience may see), under the challenge's current truth and the given scorer version.
    public func caseValues(
        submissionIDs: [Int64], metric: String, splits: [Split], challenge: StoredChallenge, scorerVersion: String
    ) throws -> [Int64: [String: Double]] {
        guard let truthVersion = challenge.truthVersion, !submissionIDs.isEmpty, !splits.isEmpty else { return [:] }
        return try pool.read { db in
            let visible = try Row.fetchAll(
                db, sql: "SELECT id, case_id FROM cases WHERE challenge_id = ? AND split IN (\(placeholders(splits.count)))",
                arguments: StatementArguments([challenge.id as any DatabaseValueConvertible] + splits.map(\.rawValue)))
            let caseIDs = Dictionary(visible.map { ($0["id"] as Int64, $0["case_id"] as String) }, uniquingKeysWith: { first, _ in first })
            let sets = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.submission_id, s.evaluation_id, s.case_refs, s.case_values FROM case_value_sets s
                    JOIN evaluations e ON e.id = s.evaluation_id
                    WHERE e.submission_id IN (\(placeholders(submissionIDs.count))) AND e.scorer_version = ? AND e.truth_version = ?
                      AND s.metric = ?
                    """,
                arguments: StatementArguments(submissionIDs.map { $0 as any DatabaseValueConvertible } + [scorerVersion, truthVersion, metric]))
            var values: [Int64: [String: Double]] = [:]
            for set in sets {
                let key = "evaluation \(set["evaluation_id"] as Int64), metric \(metric)"
                let refs = try NumberBlob.int64s(set["case_refs"], place: ("case_value_sets", "case_refs", key))
                let numbers = try NumberBlob.doubles(set["case_values"], place: ("case_value_sets", "case_values", key))
                guard refs.count == numbers.count else {
                    throw StoreError.corruptValue(table: "case_value_sets", column: "case_values", key: key,
                                                  reason: "\(numbers.count) values for \(refs.count) cases")
                }
                var submission: [String: Double] = [:]
                for (ref, value) in zip(refs, numbers) {
                    if let caseID = caseIDs[ref] { submission[caseID] = value }
                }
                if !submission.isEmpty { values[set["submission_id"]] = submission }
            }
            return values
        }
    }

    /// Writes an evaluation's per-case values: one row per metric, its case refs and values as two blobs.
    func insertCaseValues(
        _ values: [SubmissionScores.CaseValue], evaluationID: Int64, caseRefs: [Int64], db: Database
    ) throws {
        let sets = CaseValueSets(values, caseRefs: caseRefs)
        let statement = try db.cachedStatement(
            sql: "INSERT INTO case_value_sets (evaluation_id, metric, case_refs, case_values) VALUES (?, ?, ?, ?)")
        for (metric, range) in zip(sets.metrics, sets.bounds) {
            try statement.execute(arguments: [evaluationID, metric, NumberBlob.data(sets.caseRefs[range]), NumberBlob.data(sets.values[range])])
        }
    }

    /// Whether any stored evaluation has a value for one of `refs` (a case that cannot leave the truth then).
    func caseRefsWithResults(among refs: Set<Int64>, db: Database) throws -> Set<Int64> {
        guard !refs.isEmpty else { return [] }
        var used = Set<Int64>()
        let rows = try Row.fetchCursor(db, sql: "SELECT evaluation_id, metric, case_refs FROM case_value_sets")
        while let row = try rows.next() {
            let key = "evaluation \(row["evaluation_id"] as Int64), metric \(row["metric"] as String)"
            for ref in try NumberBlob.int64s(row["case_refs"], place: ("case_value_sets", "case_refs", key)) where refs.contains(ref) {
                used.insert(ref)
            }
        }
        return used
    }
}
