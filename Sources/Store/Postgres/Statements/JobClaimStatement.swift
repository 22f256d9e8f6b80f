import Foundation
import PostgresNIO

/// The claim of one job kind as a prepared statement: PostgreSQL parses and plans its CTEs once per connection instead
/// of on every claim (as an unnamed statement is), which was most of a claim's cost on the server.
///
/// Candidates are locked with `FOR UPDATE SKIP LOCKED`, so claimers in any number of processes take different jobs
/// without waiting for each other. It is one statement (atomic on its own, one round trip): the quarantined and the
/// claimable jobs are disjoint sets (attempts at the cap, or under it), so neither step can take the other's rows.
/// Kinds that have submissions also fail the quarantined jobs' submissions; scoring also marks the claimed ones as
/// being scored. The SQL differs by kind, and a prepared statement's SQL is fixed, so each kind has a type of its own.
///
/// Written for PostgreSQL's generic plan, the one it plans once and reuses. With `LIMIT $5` each custom plan (which
/// sees the value, say 1) looked far cheaper than the generic one (which assumes a tenth of the rows), so the server
/// kept planning the statement on every call as if it were not prepared. `LIMIT (SELECT $5)` is opaque to both, so
/// after its first five calls the server settles on the generic plan; and the updates take their rows as
/// `id = ANY(ARRAY(…))`, looked up by primary key, where `id IN (…)` planned generically became a hash join over a
/// scan of the whole table.
protocol JobClaimStatement: PostgresPreparedStatement where Row == ClaimedJobRow {
    var parameters: JobClaimParameters { get }
    /// Whether the SQL uses $7, the team's message for a quarantined job's submission.
    static var failsSubmissions: Bool { get }
}

/// What a claim binds, in the order of its parameters.
struct JobClaimParameters: Sendable {
    let now: Date
    let maxAttempts: Int
    let worker: String
    let leaseSeconds: Double
    let limit: Int
    let kind: JobKind
}

/// A claimed job's row.
struct ClaimedJobRow: Sendable {
    let id: Int64
    let submissionID: Int64?
    let attempts: Int
    let payload: String?
}

extension JobClaimStatement {
    static var bindingDataTypes: [PostgresDataType] {
        [.float8, .int8, .text, .float8, .int8, .text] + (failsSubmissions ? [.text] : [])
    }

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 7)
        binds.append(parameters.now.timeIntervalSince1970)  // $1
        binds.append(Int64(parameters.maxAttempts))  // $2
        binds.append(parameters.worker)  // $3
        binds.append(parameters.now.timeIntervalSince1970 + parameters.leaseSeconds)  // $4
        binds.append(Int64(parameters.limit))  // $5
        binds.append(parameters.kind.rawValue)  // $6
        if Self.failsSubmissions { binds.append(JobFailure.gaveUp.teamMessage) }  // $7
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> ClaimedJobRow {
        let (id, submissionID, attempts, payload) = try row.decode((Int64, Int64?, Int64, String?).self)
        return ClaimedJobRow(id: id, submissionID: submissionID, attempts: Int(attempts), payload: payload)
    }

    /// The statement: quarantine, claim, then the submissions' updates the kind needs, returning the claimed rows.
    static func claimSQL(failsSubmissions: Bool, marksScoring: Bool) -> String {
        var sql = """
            WITH given_up AS (
                UPDATE jobs SET state = 'failed', finished_at = $1, failure_reason = \(JobQueue.gaveUpReasonSQL)
                WHERE id = ANY(ARRAY(
                    SELECT id FROM jobs WHERE kind = $6 AND state = 'running' AND lease_until < $1 AND attempts >= $2
                    FOR UPDATE SKIP LOCKED))
                RETURNING submission_id),
            claimed AS (
                UPDATE jobs SET state = 'running', worker = $3, attempts = attempts + 1, lease_until = $4
                WHERE id = ANY(ARRAY(
                    SELECT id FROM jobs
                    WHERE kind = $6 AND state IN ('queued', 'running')
                      AND (state = 'queued' OR (lease_until < $1 AND attempts < $2))
                    ORDER BY id LIMIT (SELECT $5)
                    FOR UPDATE SKIP LOCKED))
                RETURNING id, submission_id, attempts, payload)
            """
        if failsSubmissions {
            sql += """
                ,
                failed AS (
                    UPDATE submissions SET status = 'failed', failure = $7
                    WHERE id = ANY(ARRAY(SELECT submission_id FROM given_up)) AND status IN ('queued', 'scoring'))
                """
        }
        if marksScoring {
            sql += """
                ,
                scoring AS (
                    UPDATE submissions SET status = 'scoring'
                    WHERE id = ANY(ARRAY(SELECT submission_id FROM claimed)) AND status = 'queued'
                      AND id <> ALL(ARRAY(SELECT submission_id FROM given_up)))
                """
        }
        return sql + "\nSELECT id, submission_id, attempts, payload FROM claimed ORDER BY id"
    }
}

/// Claims scoring jobs, failing quarantined jobs' submissions and marking the claimed ones as being scored.
struct ScoreJobClaim: JobClaimStatement {
    static let sql = claimSQL(failsSubmissions: true, marksScoring: true)
    static let failsSubmissions = true
    let parameters: JobClaimParameters
}

/// Claims container runs, failing quarantined runs' submissions (a claimed run's submission stays queued).
struct RunJobClaim: JobClaimStatement {
    static let sql = claimSQL(failsSubmissions: true, marksScoring: false)
    static let failsSubmissions = true
    let parameters: JobClaimParameters
}

/// Claims jobs without submissions (tiling).
struct TaskJobClaim: JobClaimStatement {
    static let sql = claimSQL(failsSubmissions: false, marksScoring: false)
    static let failsSubmissions = false
    let parameters: JobClaimParameters
}
