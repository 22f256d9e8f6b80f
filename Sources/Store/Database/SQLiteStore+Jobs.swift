import Challenge
import Foundation
import GRDB

/// A scoring job a worker holds under a lease.
public struct ClaimedJob: Sendable, Equatable {
    public let jobID: Int64
    public let submissionID: Int64
    /// Which attempt this is; completion is fenced on (worker, attempt).
    public let attempt: Int
    public let worker: String
}

/// What a judge needs to know about the submission behind a job.
public struct JobContext: Sendable {
    public let submission: StoredSubmission
    public let challenge: String
    public let phase: String
}

extension SQLiteStore {
    /// Claims up to `limit` jobs that are queued or whose lease expired, oldest first, in one
    /// `UPDATE … RETURNING`: SQLite's single writer makes the claim atomic.
    public func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date) throws -> [ClaimedJob] {
        try pool.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    UPDATE jobs SET state = 'running', worker = ?1, attempts = attempts + 1, lease_until = ?2
                    WHERE id IN (
                        SELECT id FROM jobs
                        WHERE state = 'queued' OR (state = 'running' AND lease_until < ?3)
                        ORDER BY id LIMIT ?4)
                    RETURNING id, submission_id, attempts
                    """,
                arguments: [worker, now.timeIntervalSince1970 + leaseSeconds, now.timeIntervalSince1970, limit])
            let jobs = rows.map { ClaimedJob(jobID: $0["id"], submissionID: $0["submission_id"], attempt: $0["attempts"], worker: worker) }
                .sorted { $0.jobID < $1.jobID }
            for job in jobs {
                try db.execute(sql: "UPDATE submissions SET status = 'scoring' WHERE id = ? AND status = 'queued'",
                               arguments: [job.submissionID])
            }
            return jobs
        }
    }

    /// Extends the lease of jobs still held by their worker.
    public func heartbeat(_ jobs: [ClaimedJob], leaseSeconds: Double, now: Date) throws {
        try pool.write { db in
            for job in jobs {
                try db.execute(
                    sql: "UPDATE jobs SET lease_until = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'",
                    arguments: [now.timeIntervalSince1970 + leaseSeconds, job.jobID, job.worker, job.attempt])
            }
        }
    }

    public func jobContext(_ job: ClaimedJob) throws -> JobContext {
        try pool.read { db in
            let submission = try submission(job.submissionID, db: db)
            guard let row = try Row.fetchOne(
                db,
                sql: "SELECT c.slug AS challenge, p.slug AS phase FROM phases p JOIN challenges c ON c.id = p.challenge_id WHERE p.id = ?",
                arguments: [submission.phaseID])
            else { throw StoreError.unknownSubmission(job.submissionID) }
            return JobContext(submission: submission, challenge: row["challenge"], phase: row["phase"])
        }
    }

    /// Queues every submission of a challenge (or of one phase) for scoring again.
    @discardableResult
    public func requeue(challenge: StoredChallenge, phase: String?, now: Date) throws -> Int {
        try pool.write { db in
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT s.id FROM submissions s JOIN phases p ON p.id = s.phase_id
                    WHERE p.challenge_id = ? AND (?2 IS NULL OR p.slug = ?2) ORDER BY s.id
                    """,
                arguments: [challenge.id, phase])
            for id in ids {
                try db.execute(sql: "INSERT INTO jobs (submission_id, state, created_at) VALUES (?, 'queued', ?)",
                               arguments: [id, now.timeIntervalSince1970])
            }
            try append(AuditEntry(at: now, actor: "organiser", action: "phase.rejudged", challenge: challenge.spec.slug,
                                  subject: phase, detail: "\(ids.count) submissions"), in: db)
            return ids.count
        }
    }

    /// For each submission, how many jobs it was queued with and how many evaluations it has: a crash test checks
    /// that nothing was queued or scored twice.
    public func jobAndEvaluationCounts() throws -> [Int64: (jobs: Int, evaluations: Int)] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id,
                       (SELECT COUNT(*) FROM jobs j WHERE j.submission_id = s.id) AS jobs,
                       (SELECT COUNT(*) FROM evaluations e WHERE e.submission_id = s.id) AS evaluations
                FROM submissions s
                """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"], (jobs: $0["jobs"], evaluations: $0["evaluations"])) })
        }
    }

    /// Jobs not finished yet, for status output.
    public func pendingJobCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')") ?? 0 }
    }
}
