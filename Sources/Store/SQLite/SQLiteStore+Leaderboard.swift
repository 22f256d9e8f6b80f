import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// The scored submissions of a phase under the current truth and scorer versions, with aggregates
    /// of `visibleSplits` only: a sealed split is never read unless the caller names it.
    public func scoredSubmissions(
        phase: StoredPhase, challenge: StoredChallenge, scorerVersion: String, visibleSplits: [Split]
    ) throws -> [ScoredSubmission] {
        guard let truthVersion = challenge.truthVersion, !visibleSplits.isEmpty else { return [] }
        return try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.team_id, s.submitted_at, s.chosen_at, a.split, a.metric, a.value
                    FROM submissions s
                    JOIN evaluations e ON e.submission_id = s.id AND e.scorer_version = ? AND e.truth_version = ?
                    JOIN aggregates a ON a.evaluation_id = e.id AND a.split IN (\(placeholders(visibleSplits.count)))
                    WHERE s.phase_id = ? AND s.status = 'scored'
                    ORDER BY s.id
                    """,
                arguments: StatementArguments([scorerVersion, truthVersion] + visibleSplits.map(\.rawValue) + [phase.id]))
            var order: [Int64] = []
            var bySubmission: [Int64: (team: Int64, at: Double, chosen: Double?, values: [Split: [String: Double?]])] = [:]
            for row in rows {
                let id: Int64 = row["id"]
                guard let split = Split(rawValue: row["split"]) else { continue }
                if bySubmission[id] == nil {
                    order.append(id)
                    bySubmission[id] = (row["team_id"], row["submitted_at"], row["chosen_at"], [:])
                }
                let value: Double? = row["value"]
                bySubmission[id]?.values[split, default: [:]][row["metric"] as String] = value
            }
            return order.compactMap { id in
                bySubmission[id].map {
                    ScoredSubmission(submissionID: id, teamID: $0.team, submittedAt: Date(timeIntervalSince1970: $0.at),
                                     chosenAt: $0.chosen.map(Date.init(timeIntervalSince1970:)), values: $0.values)
                }
            }
        }
    }

    /// Every team of the challenge with its number of accepted submissions to the phase.
    public func teamActivity(phase: StoredPhase, challenge: StoredChallenge) throws -> [TeamActivity] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.name, COUNT(s.id) AS n, MAX(s.submitted_at) AS last
                    FROM teams t LEFT JOIN submissions s ON s.team_id = t.id AND s.phase_id = ?
                    WHERE t.challenge_id = ? GROUP BY t.id ORDER BY t.name
                    """,
                arguments: [phase.id, challenge.id]
            ).map { row in
                let last: Double? = row["last"]
                return TeamActivity(team: StoredTeam(id: row["id"], challengeID: challenge.id, name: row["name"]),
                                    submissionCount: row["n"], lastSubmittedAt: last.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func aggregates(submissionIDs: [Int64], splits: [Split]) throws -> [Int64: [Split: [String: Double?]]] {
        guard !submissionIDs.isEmpty, !splits.isEmpty else { return [:] }
        return try pool.read { db in
            var values: [Int64: [Split: [String: Double?]]] = [:]
            // SQLite binds at most 32,766 values per statement: a long list is asked in chunks, in the same read.
            for chunk in stride(from: 0, to: submissionIDs.count, by: 1_000).map({ submissionIDs[$0..<min($0 + 1_000, submissionIDs.count)] }) {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT e.submission_id, a.split, a.metric, a.value FROM aggregates a JOIN evaluations e ON e.id = a.evaluation_id
                        WHERE e.submission_id IN (\(placeholders(chunk.count))) AND a.split IN (\(placeholders(splits.count)))
                        ORDER BY e.id
                        """,
                    arguments: StatementArguments(chunk.map { DatabaseValue(value: $0) } + splits.map { DatabaseValue(value: $0.rawValue) }))
                for row in rows {
                    guard let split = Split(rawValue: row["split"]) else { continue }
                    let value: Double? = row["value"]
                    values[row["submission_id"] as Int64, default: [:]][split, default: [:]][row["metric"] as String] = value
                }
            }
            return values
        }
    }
}
