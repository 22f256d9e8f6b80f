import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a batch of results in one transaction; each is fenced on its job's (worker, attempt), holding the job's
    /// row lock from the check to the commit, so a claim that would take the job over waits or skips it.
    public func record(_ results: [JobResult], now: Date) throws -> [RecordOutcome] {
        try write { connection in
            var outcomes: [RecordOutcome] = []
            for result in results { outcomes.append(try await self.record(result, now: now, on: connection)) }
            return outcomes
        }
    }

    private func record(_ result: JobResult, now: Date, on connection: PostgresConnection) async throws -> RecordOutcome {
        let job = result.job
        let owned = try await connection.row(
            """
            SELECT id FROM jobs
            WHERE id = \(job.jobID) AND worker = \(job.worker) AND attempts = \(Int64(job.attempt)) AND state = 'running'
            FOR UPDATE
            """, logger: logger)
        guard owned != nil else { return .leaseLost }
        switch result.outcome {
        case .failed(let message):
            try await finish(job, jobState: "failed", submissionStatus: "failed", failure: message, reason: result.operatorReason,
                             now: now, on: connection)
            return .failed
        case .scored(let evaluation, let caseRefs):
            let outcome = try await storeEvaluation(evaluation, caseRefs: caseRefs, result: result, now: now, on: connection)
            try await finish(job, jobState: "done", submissionStatus: "scored", failure: nil, reason: nil, now: now, on: connection)
            return outcome
        }
    }

    private func finish(
        _ job: ClaimedJob, jobState: String, submissionStatus: String, failure: String?, reason: String?, now: Date,
        on connection: PostgresConnection
    ) async throws {
        try await connection.execute(
            """
            UPDATE jobs SET state = \(jobState), finished_at = \(now.timeIntervalSince1970),
                failure_reason = COALESCE(\(reason), failure_reason)
            WHERE id = \(job.jobID)
            """, logger: logger)
        try await connection.execute(
            "UPDATE submissions SET status = \(submissionStatus), failure = \(failure) WHERE id = \(job.submissionID)", logger: logger)
    }

    /// Stores the evaluation unless one with the same (submission, scorer version, truth version) exists: then says
    /// whether the stored numbers are these. Two workers racing on it insert once (the unique key decides).
    private func storeEvaluation(
        _ evaluation: SubmissionScores, caseRefs: [Int64], result: JobResult, now: Date, on connection: PostgresConnection
    ) async throws -> RecordOutcome {
        let submissionID = result.job.submissionID
        guard let inserted = try await connection.row(
            """
            INSERT INTO evaluations (submission_id, scorer_version, truth_version, created_at)
            VALUES (\(submissionID), \(result.scorerVersion), \(result.truthVersion), \(now.timeIntervalSince1970))
            ON CONFLICT (submission_id, scorer_version, truth_version) DO NOTHING RETURNING id
            """, logger: logger)
        else {
            let existing = try await connection.row(
                """
                SELECT id FROM evaluations
                WHERE submission_id = \(submissionID) AND scorer_version = \(result.scorerVersion) AND truth_version = \(result.truthVersion)
                """, logger: logger)
            guard let existing else { throw PostgresStoreError.raced("evaluation of submission \(submissionID) vanished") }
            let stored = try await storedAggregates(try existing.get("id"), on: connection)
            return stored == SQLiteStore.aggregateRows(evaluation) ? .alreadyRecorded : .conflictsWithStored
        }
        let evaluationID: Int64 = try inserted.get("id")
        try await insertCaseValues(evaluation.caseValues, evaluationID: evaluationID, caseRefs: caseRefs, on: connection)
        for row in SQLiteStore.aggregateRows(evaluation) {
            try await connection.execute(
                "INSERT INTO aggregates (evaluation_id, split, metric, value) VALUES (\(evaluationID), \(row.split), \(row.metric), \(row.value))",
                logger: logger)
        }
        for split in evaluation.splits {
            let json = String(decoding: try JSONEncoder.sorted.encode(split.summary), as: UTF8.self)
            try await connection.execute(
                "INSERT INTO split_summaries (evaluation_id, split, summary_json) VALUES (\(evaluationID), \(split.split.rawValue), \(json))",
                logger: logger)
        }
        return .recorded
    }

    /// Writes per-case values as three arrays unnested by the server: one statement per 10,000 rows, not one per row.
    private func insertCaseValues(
        _ values: [SubmissionScores.CaseValue], evaluationID: Int64, caseRefs: [Int64], on connection: PostgresConnection
    ) async throws {
        var start = values.startIndex
        while start < values.endIndex {
            let chunk = values[start..<min(start + 10_000, values.endIndex)]
            try await connection.execute(
                """
                INSERT INTO case_results (evaluation_id, metric, case_ref, value)
                SELECT \(evaluationID), metric, case_ref, value
                FROM unnest(\(chunk.map(\.key))::text[], \(chunk.map { caseRefs[$0.caseIndex] })::bigint[],
                            \(chunk.map(\.value))::float8[]) AS v(metric, case_ref, value)
                """, logger: logger)
            start = chunk.endIndex
        }
    }

    private func storedAggregates(_ evaluationID: Int64, on connection: PostgresConnection) async throws -> Set<SQLiteStore.AggregateRow> {
        Set(try await connection.rows("SELECT split, metric, value FROM aggregates WHERE evaluation_id = \(evaluationID)", logger: logger)
            .map { SQLiteStore.AggregateRow(split: try $0.get("split"), metric: try $0.get("metric"), value: try $0.get("value")) })
    }
}
