import Challenge
import Foundation
import PostgresNIO

/// Records a scored result in one prepared statement (planned once per connection, one round trip): finishes the job
/// if it is still held by this worker and attempt, marks its submission scored, and inserts the evaluation with its
/// per-case values (a row per metric, see `CaseValueSets`), aggregates and split summaries, each set bound as arrays
/// the server unnests. The job's row lock is held from the fence to the commit, so a claim that would take it over waits or
/// skips it.
///
/// The evaluation is inserted only for a finished job, and only once per (submission, scorer version, truth
/// version): when one exists, nothing of it is written and `evaluationID` is nil, so the caller compares the stored
/// numbers. Every step reads the rows the previous one returned, so they run in order within the statement.
struct ScoredJobRecord: PostgresPreparedStatement {
    static let sql = """
        WITH finished AS (
            UPDATE jobs SET state = 'done', finished_at = $1
            WHERE id = $2 AND worker = $3 AND attempts = $4 AND state = 'running'
            RETURNING submission_id),
        marked AS (
            UPDATE submissions SET status = 'scored', failure = NULL
            WHERE id IN (SELECT submission_id FROM finished)),
        evaluation AS (
            INSERT INTO evaluations (submission_id, scorer_version, truth_version, created_at)
            SELECT submission_id, $5, $6, $1 FROM finished
            ON CONFLICT (submission_id, scorer_version, truth_version) DO NOTHING
            RETURNING id),
        cases AS (
            INSERT INTO case_value_sets (evaluation_id, metric, case_refs, case_values)
            SELECT evaluation.id, m.metric, ($8::bigint[])[m.low:m.high], ($9::float8[])[m.low:m.high]
            FROM evaluation, unnest($7::text[], $10::int[], $11::int[]) AS m(metric, low, high)),
        aggregated AS (
            INSERT INTO aggregates (evaluation_id, split, metric, value)
            SELECT evaluation.id, a.split, a.metric, CASE WHEN a.undefined THEN NULL ELSE a.value END
            FROM evaluation, unnest($12::text[], $13::text[], $14::float8[], $15::bool[]) AS a(split, metric, value, undefined)),
        summarised AS (
            INSERT INTO split_summaries (evaluation_id, split, summary_json)
            SELECT evaluation.id, s.split, s.summary FROM evaluation, unnest($16::text[], $17::text[]) AS s(split, summary))
        SELECT (SELECT COUNT(*) FROM finished), (SELECT id FROM evaluation)
        """
    static let bindingDataTypes: [PostgresDataType] = [
        .float8, .int8, .text, .int8, .text, .text,
        .textArray, .int8Array, .float8Array, .int4Array, .int4Array,
        .textArray, .textArray, .float8Array, .boolArray,
        .textArray, .textArray,
    ]

    /// What the statement found: whether the job was still held, and the new evaluation's id if one was inserted.
    struct Outcome: Sendable {
        let finished: Bool
        let evaluationID: Int64?
    }

    let result: JobResult
    let scores: SubmissionScores
    /// The stored truth cases, indexed as the scores' case indices.
    let caseRefs: [Int64]
    let now: Date

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 17)
        binds.append(now.timeIntervalSince1970)
        binds.append(result.job.jobID)
        binds.append(result.job.worker)
        binds.append(Int64(result.job.attempt))
        binds.append(result.scorerVersion)
        binds.append(result.truthVersion)
        let sets = CaseValueSets(scores.caseValues, caseRefs: caseRefs)
        binds.append(sets.metrics)
        binds.append(sets.caseRefs)
        binds.append(sets.values)
        binds.append(sets.bounds.map { Int32($0.lowerBound + 1) })  // 1-based, inclusive
        binds.append(sets.bounds.map { Int32($0.upperBound) })
        // NULL aggregates (a metric undefined on a split) travel as a flag beside a placeholder value.
        let aggregates = SQLiteStore.aggregateRows(scores)
        binds.append(aggregates.map(\.split))
        binds.append(aggregates.map(\.metric))
        binds.append(aggregates.map { $0.value ?? 0 })
        binds.append(aggregates.map { $0.value == nil })
        binds.append(scores.splits.map(\.split.rawValue))
        binds.append(try result.summaryTexts.get())
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Outcome {
        let (finished, evaluationID) = try row.decode((Int64, Int64?).self)
        return Outcome(finished: finished == 1, evaluationID: evaluationID)
    }
}
