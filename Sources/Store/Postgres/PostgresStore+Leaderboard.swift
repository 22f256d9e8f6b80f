import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The scored submissions of a phase under the current truth and scorer versions, with aggregates of
    /// `visibleSplits` only: a sealed split is never read unless the caller names it.
    public func scoredSubmissions(
        phase: StoredPhase, challenge: StoredChallenge, scorerVersion: String, visibleSplits: [Split]
    ) throws -> [ScoredSubmission] {
        guard let truthVersion = challenge.truthVersion, !visibleSplits.isEmpty else { return [] }
        return try read { connection in
            let rows = try await connection.rows(
                """
                SELECT s.id, s.team_id, s.submitted_at, s.chosen_at, a.split, a.metric, a.value
                FROM submissions s
                JOIN evaluations e ON e.submission_id = s.id AND e.scorer_version = \(scorerVersion) AND e.truth_version = \(truthVersion)
                JOIN aggregates a ON a.evaluation_id = e.id AND a.split = ANY(\(visibleSplits.map(\.rawValue)))
                WHERE s.phase_id = \(phase.id) AND s.status = 'scored'
                ORDER BY s.id
                """, logger: self.logger)
            var order: [Int64] = []
            var bySubmission: [Int64: ScoredSubmission] = [:]
            for row in rows {
                let id: Int64 = try row.get("id")
                guard let split = Split(rawValue: try row.get("split")) else { continue }
                let previous = try bySubmission[id] ?? {
                    order.append(id)
                    let chosen: Double? = try row.get("chosen_at")
                    return ScoredSubmission(submissionID: id, teamID: try row.get("team_id"),
                                            submittedAt: Date(timeIntervalSince1970: try row.get("submitted_at")),
                                            chosenAt: chosen.map(Date.init(timeIntervalSince1970:)), values: [:])
                }()
                var values = previous.values
                values[split, default: [:]][try row.get("metric", as: String.self)] = .some(try row.get("value", as: Double?.self))
                bySubmission[id] = ScoredSubmission(submissionID: id, teamID: previous.teamID, submittedAt: previous.submittedAt,
                                                    chosenAt: previous.chosenAt, values: values)
            }
            return order.compactMap { bySubmission[$0] }
        }
    }

    /// Every team of the challenge with its number of accepted submissions to the phase.
    public func teamActivity(phase: StoredPhase, challenge: StoredChallenge) throws -> [TeamActivity] {
        try read { connection in
            try await connection.rows(
                """
                SELECT t.id, t.name, COUNT(s.id) AS n, MAX(s.submitted_at) AS last
                FROM teams t LEFT JOIN submissions s ON s.team_id = t.id AND s.phase_id = \(phase.id)
                WHERE t.challenge_id = \(challenge.id) GROUP BY t.id ORDER BY t.name
                """, logger: self.logger
            ).map { row in
                let last: Double? = try row.get("last")
                return TeamActivity(team: StoredTeam(id: try row.get("id"), challengeID: challenge.id, name: try row.get("name")),
                                    submissionCount: try row.get("n", as: Int.self), lastSubmittedAt: last.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func aggregates(submissionIDs: [Int64], splits: [Split]) throws -> [Int64: [Split: [String: Double?]]] {
        guard !submissionIDs.isEmpty, !splits.isEmpty else { return [:] }
        return try read { connection in
            var values: [Int64: [Split: [String: Double?]]] = [:]
            let rows = try await connection.rows(
                """
                SELECT e.submission_id, a.split, a.metric, a.value FROM aggregates a JOIN evaluations e ON e.id = a.evaluation_id
                WHERE e.submission_id = ANY(\(submissionIDs)) AND a.split = ANY(\(splits.map(\.rawValue)))
                ORDER BY e.id
                """, logger: self.logger)
            for row in rows {
                guard let split = Split(rawValue: try row.get("split")) else { continue }
                values[try row.get("submission_id", as: Int64.self), default: [:]][split, default: [:]][try row.get("metric", as: String.self)] =
                    .some(try row.get("value", as: Double?.self))
            }
            return values
        }
    }

    /// Per-case values of one metric for the given submissions, restricted to cases of `splits`, under the
    /// challenge's current truth and the given scorer version.
    public func caseValues(
        submissionIDs: [Int64], metric: String, splits: [Split], challenge: StoredChallenge, scorerVersion: String
    ) throws -> [Int64: [String: Double]] {
        guard let truthVersion = challenge.truthVersion, !submissionIDs.isEmpty, !splits.isEmpty else { return [:] }
        return try read { connection in
            var values: [Int64: [String: Double]] = [:]
            for row in try await connection.rows(
                """
                SELECT e.submission_id, c.case_id, v.value FROM case_value_sets r
                JOIN evaluations e ON e.id = r.evaluation_id
                CROSS JOIN LATERAL unnest(r.case_refs, r.case_values) AS v(case_ref, value)
                JOIN cases c ON c.id = v.case_ref
                WHERE e.submission_id = ANY(\(submissionIDs)) AND e.scorer_version = \(scorerVersion) AND e.truth_version = \(truthVersion)
                  AND r.metric = \(metric) AND c.split = ANY(\(splits.map(\.rawValue)))
                """, logger: self.logger)
            {
                values[try row.get("submission_id"), default: [:]][try row.get("case_id")] = try row.get("value", as: Double.self)
            }
            return values
        }
    }

    /// The stored summary JSON of each submission's split, under the current truth and the given scorer version.
    public func splitSummaries(submissionIDs: [Int64], split: Split, challenge: StoredChallenge, scorerVersion: String) throws -> [Int64: String] {
        guard let truthVersion = challenge.truthVersion, !submissionIDs.isEmpty else { return [:] }
        return try read { connection in
            let rows = try await connection.rows(
                """
                SELECT e.submission_id, s.summary_json FROM split_summaries s JOIN evaluations e ON e.id = s.evaluation_id
                WHERE e.submission_id = ANY(\(submissionIDs)) AND e.scorer_version = \(scorerVersion)
                  AND e.truth_version = \(truthVersion) AND s.split = \(split.rawValue)
                """, logger: self.logger)
            return Dictionary(try rows.map { (try $0.get("submission_id", as: Int64.self), try $0.get("summary_json", as: String.self)) },
                              uniquingKeysWith: { first, _ in first })
        }
    }
}
