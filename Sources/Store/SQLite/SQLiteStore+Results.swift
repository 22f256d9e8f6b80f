import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a batch of results in one transaction; each is fenced on its job's (worker, attempt).
    public func record(_ results: [JobResult], now: Date) throws -> [RecordOutcome] {
        try pool.write { db in
            try results.map { try record($0, now: now, db: db) }
        }
    }

    private func record(_ result: JobResult, now: Date, db: Database) throws -> RecordOutcome {
        let job = result.job
        let owned = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM jobs WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running')",
            arguments: [job.jobID, job.worker, job.attempt]) ?? false
        guard owned else { return .leaseLost }
        switch result.outcome {
        case .failed(let message):
            try finish(job, jobState: "failed", submissionStatus: "failed", failure: message, now: now, db: db)
            if let reason = result.operatorReason {
                try db.execute(sql: "UPDATE jobs SET failure_reason = ? WHERE id = ?", arguments: [reason, job.jobID])
            }
            return .failed
        case .scored(let evaluation, let caseRefs):
            let outcome = try storeEvaluation(evaluation, caseRefs: caseRefs, result: result, now: now, db: db)
            try finish(job, jobState: "done", submissionStatus: "scored", failure: nil, now: now, db: db)
            return outcome
        }
    }

    private func finish(_ job: ClaimedJob, jobState: String, submissionStatus: String, failure: String?, now: Date, db: Database) throws {
        try db.execute(sql: "UPDATE jobs SET state = ?, finished_at = ? WHERE id = ?",
                       arguments: [jobState, now.timeIntervalSince1970, job.jobID])
        try db.execute(sql: "UPDATE submissions SET status = ?, failure = ? WHERE id = ?",
                       arguments: [submissionStatus, failure, job.submissionID])
    }

    private func storeEvaluation(
        _ evaluation: SubmissionScores, caseRefs: [Int64], result: JobResult, now: Date, db: Database
    ) throws -> RecordOutcome {
        let key: StatementArguments = [result.job.submissionID, result.scorerVersion, result.truthVersion]
        if let existing = try Int64.fetchOne(
            db, sql: "SELECT id FROM evaluations WHERE submission_id = ? AND scorer_version = ? AND truth_version = ?",
            arguments: key) {
            return try storedAggregates(existing, db: db) == Self.aggregateRows(evaluation) ? .alreadyRecorded : .conflictsWithStored
        }
        try db.execute(
            sql: "INSERT INTO evaluations (submission_id, scorer_version, truth_version, created_at) VALUES (?, ?, ?, ?)",
            arguments: key + [now.timeIntervalSince1970])
        let evaluationID = db.lastInsertedRowID
        try insertCaseValues(evaluation.caseValues, evaluationID: evaluationID, caseRefs: caseRefs, db: db)
        let aggregateStatement = try db.cachedStatement(
            sql: "INSERT INTO aggregates (evaluation_id, split, metric, value) VALUES (?, ?, ?, ?)")
        for row in Self.aggregateRows(evaluation) {
            try aggregateStatement.execute(arguments: [evaluationID, row.split, row.metric, row.value])
        }
        for (split, json) in zip(evaluation.splits, try result.summaryTexts.get()) {
            try db.execute(sql: "INSERT INTO split_summaries (evaluation_id, split, summary_json) VALUES (?, ?, ?)",
                           arguments: [evaluationID, split.split.rawValue, json])
        }
        return .recorded
    }

    struct AggregateRow: Equatable, Hashable {
        let split: String
        let metric: String
        let value: Double?
    }

    static func aggregateRows(_ evaluation: SubmissionScores) -> Set<AggregateRow> {
        Set(evaluation.splits.flatMap { split in
            split.values.map { AggregateRow(split: split.split.rawValue, metric: $0.key, value: $0.value) }
        })
    }

    private func storedAggregates(_ evaluationID: Int64, db: Database) throws -> Set<AggregateRow> {
        Set(try Row.fetchAll(db, sql: "SELECT split, metric, value FROM aggregates WHERE evaluation_id = ?", arguments: [evaluationID])
            .map { AggregateRow(split: $0["split"], metric: $0["metric"], value: $0["value"]) })
    }
}
