import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a batch of results in one transaction; each is fenced on its job's (worker, attempt), holding the job's
    /// row lock from the check to the commit, so a claim that would take the job over waits or skips it.
    /// A lone failure is one statement, so it needs no transaction around it (two round trips fewer).
    public func record(_ results: [JobResult], now: Date) throws -> [RecordOutcome] {
        if results.count == 1, let result = results.first, case .failed = result.outcome {
            return [try autocommit { connection in try await self.record(result, now: now, on: connection) }]
        }
        return try write { connection in
            var outcomes: [RecordOutcome] = []
            for result in results { outcomes.append(try await self.record(result, now: now, on: connection)) }
            return outcomes
        }
    }

    /// Each result is one prepared statement: the fence, the job's and submission's new states and, for a scored
    /// result, its evaluation (see `FailedJobRecord`, `ScoredJobRecord`). A failure to store the evaluation fails the
    /// statement, so the job stays running.
    private func record(_ result: JobResult, now: Date, on connection: PostgresConnection) async throws -> RecordOutcome {
        switch result.outcome {
        case .failed(let message):
            let record = FailedJobRecord(job: result.job, now: now, failure: message, reason: result.operatorReason)
            return try await connection.rows(record, logger: logger).first == 1 ? .failed : .leaseLost
        case .scored(let scores, let caseRefs):
            let record = ScoredJobRecord(result: result, scores: scores, caseRefs: caseRefs, now: now)
            guard let outcome = try await connection.rows(record, logger: logger).first, outcome.finished else { return .leaseLost }
            if outcome.evaluationID != nil { return .recorded }
            return try await compareStoredEvaluation(scores, result: result, on: connection)
        }
    }

    /// An evaluation with the same (submission, scorer version, truth version) was stored before (the unique key
    /// decides between two workers racing on it): says whether its numbers are these.
    private func compareStoredEvaluation(
        _ scores: SubmissionScores, result: JobResult, on connection: PostgresConnection
    ) async throws -> RecordOutcome {
        let submissionID = result.job.submissionID
        let existing = try await connection.row(
            """
            SELECT id FROM evaluations
            WHERE submission_id = \(submissionID) AND scorer_version = \(result.scorerVersion) AND truth_version = \(result.truthVersion)
            """, logger: logger)
        guard let existing else { throw PostgresStoreError.raced("evaluation of submission \(submissionID) vanished") }
        let stored = try await storedAggregates(try existing.get("id"), on: connection)
        return stored == SQLiteStore.aggregateRows(scores) ? .alreadyRecorded : .conflictsWithStored
    }

    private func storedAggregates(_ evaluationID: Int64, on connection: PostgresConnection) async throws -> Set<SQLiteStore.AggregateRow> {
        Set(try await connection.rows("SELECT split, metric, value FROM aggregates WHERE evaluation_id = \(evaluationID)", logger: logger)
            .map { SQLiteStore.AggregateRow(split: try $0.get("split"), metric: try $0.get("metric"), value: try $0.get("value")) })
    }
}
