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

    /// The fence and the job's and submission's new states are one statement; a scored result's evaluation follows
    /// in the same transaction, so a failure to store it rolls the job back to running.
    private func record(_ result: JobResult, now: Date, on connection: PostgresConnection) async throws -> RecordOutcome {
        switch result.outcome {
        case .failed(let message):
            guard try await finish(result.job, jobState: "failed", submissionStatus: "failed", failure: message,
                                   reason: result.operatorReason, now: now, on: connection)
            else { return .leaseLost }
            return .failed
        case .scored(let evaluation, let caseRefs):
            guard try await finish(result.job, jobState: "done", submissionStatus: "scored", failure: nil, reason: nil,
                                   now: now, on: connection)
            else { return .leaseLost }
            return try await storeEvaluation(evaluation, caseRefs: caseRefs, result: result, now: now, on: connection)
        }
    }

    /// Finishes the job if it is still held by this worker and attempt (the UPDATE takes its row lock, and rechecks
    /// the fence on the newest row if a claim changed it meanwhile), and sets its submission's status, in one round
    /// trip; says whether the job was still held.
    private func finish(
        _ job: ClaimedJob, jobState: String, submissionStatus: String, failure: String?, reason: String?, now: Date,
        on connection: PostgresConnection
    ) async throws -> Bool {
        let finished = try await connection.row(
            """
            WITH finished AS (
                UPDATE jobs SET state = \(jobState), finished_at = \(now.timeIntervalSince1970),
                    failure_reason = COALESCE(\(reason), failure_reason)
                WHERE id = \(job.jobID) AND worker = \(job.worker) AND attempts = \(Int64(job.attempt)) AND state = 'running'
                RETURNING submission_id),
            marked AS (
                UPDATE submissions SET status = \(submissionStatus), failure = \(failure)
                WHERE id IN (SELECT submission_id FROM finished))
            SELECT COUNT(*) AS n FROM finished
            """, logger: logger)
        return try finished?.get("n", as: Int64.self) == 1
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
        try await connection.execute(try aggregatesAndSummaries(evaluation, evaluationID: evaluationID), logger: logger)
        return .recorded
    }

    /// One statement inserting the evaluation's aggregates and split summaries (a round trip, not one per row).
    private func aggregatesAndSummaries(_ evaluation: SubmissionScores, evaluationID: Int64) throws -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(evaluationID)
        func next() -> String { "$\(binds.count)" }
        let aggregates = SQLiteStore.aggregateRows(evaluation).map { row -> String in
            binds.append(row.split)
            let split = next()
            binds.append(row.metric)
            let metric = next()
            binds.append(row.value)
            return "($1, \(split), \(metric), \(next())::float8)"
        }
        let summaries = try evaluation.splits.map { split -> String in
            binds.append(split.split.rawValue)
            let name = next()
            binds.append(String(decoding: try JSONEncoder.sorted.encode(split.summary), as: UTF8.self))
            return "($1, \(name), \(next()))"
        }
        var sql = "INSERT INTO split_summaries (evaluation_id, split, summary_json) VALUES " + summaries.joined(separator: ", ")
        if summaries.isEmpty { sql = "SELECT 1" }
        if !aggregates.isEmpty {
            sql = "WITH aggregated AS (INSERT INTO aggregates (evaluation_id, split, metric, value) VALUES "
                + aggregates.joined(separator: ", ") + ") " + sql
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
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
