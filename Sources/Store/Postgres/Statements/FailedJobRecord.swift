import Foundation
import PostgresNIO

/// Records a failed result as a prepared statement (planned once per connection): finishes the job as failed if it is
/// still held by this worker and attempt, and fails its submission with the team's message, in one round trip.
/// Returns how many jobs it finished (0 when the lease was lost).
///
/// The UPDATE takes the job's row lock, and rechecks the fence on the newest row if a claim changed it meanwhile.
struct FailedJobRecord: PostgresPreparedStatement {
    static let sql = """
        WITH finished AS (
            UPDATE jobs SET state = 'failed', finished_at = $1, failure_reason = COALESCE($5, failure_reason)
            WHERE id = $2 AND worker = $3 AND attempts = $4 AND state = 'running'
            RETURNING submission_id),
        marked AS (
            UPDATE submissions SET status = 'failed', failure = $6
            WHERE id IN (SELECT submission_id FROM finished))
        SELECT COUNT(*) FROM finished
        """
    static let bindingDataTypes: [PostgresDataType] = [.float8, .int8, .text, .int8, .text, .text]

    let job: ClaimedJob
    let now: Date
    /// The team's message.
    let failure: String
    /// The operator's reason, if it says more than the team's message.
    let reason: String?

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 6)
        binds.append(now.timeIntervalSince1970)
        binds.append(job.jobID)
        binds.append(job.worker)
        binds.append(Int64(job.attempt))
        binds.append(reason)
        binds.append(failure)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Int64 {
        try row.decode(Int64.self)
    }
}
