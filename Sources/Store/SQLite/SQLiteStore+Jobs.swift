import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// Claims up to `limit` scoring jobs that are queued or whose lease expired, oldest first, in one
    /// `UPDATE … RETURNING`: SQLite's single writer makes the claim atomic.
    ///
    /// A job whose lease ran out after `maxAttempts` claims is not claimed again: a file that kills every worker
    /// that scores it would otherwise take down one worker per lease, forever. It is quarantined instead (`failed`,
    /// with its reason for the operator), and its submission fails with a plain message for the team.
    public func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob] {
        try pool.write { db in
            let jobs = try claim(.score, worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: maxAttempts, db: db)
                .map { ClaimedJob(jobID: $0["id"], submissionID: $0["submission_id"], attempt: $0["attempts"], worker: worker) }
            for job in jobs {
                try db.execute(sql: "UPDATE submissions SET status = 'scoring' WHERE id = ? AND status = 'queued'",
                               arguments: [job.submissionID])
            }
            return jobs
        }
    }

    public func claimTasks(kind: JobKind, worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedTask] {
        precondition(kind != .score, "scoring jobs are claimed with claimJobs, which also marks their submissions")
        return try pool.write { db in
            try claim(kind, worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: maxAttempts, db: db).map {
                ClaimedTask(lease: JobLease(jobID: $0["id"], attempt: $0["attempts"], worker: worker), kind: kind, payload: $0["payload"] ?? "")
            }
        }
    }

    /// Quarantines the kind's exhausted jobs, then claims; rows of (id, submission_id, attempts, payload) by id.
    func claim(_ kind: JobKind, worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int,
                       db: Database) throws -> [Row] {
        try quarantineExhaustedJobs(kind, maxAttempts: maxAttempts, now: now, db: db)
        return try Row.fetchAll(
            db,
            sql: """
                UPDATE jobs SET state = 'running', worker = ?1, attempts = attempts + 1, lease_until = ?2
                WHERE id IN (
                    SELECT id FROM jobs
                    WHERE kind = ?5 AND state IN ('queued', 'running') AND (state = 'queued' OR lease_until < ?3)
                    ORDER BY id LIMIT ?4)
                RETURNING id, submission_id, attempts, payload
                """,
            arguments: [worker, now.timeIntervalSince1970 + leaseSeconds, now.timeIntervalSince1970, limit, kind.rawValue]
        ).sorted { ($0["id"] as Int64) < ($1["id"] as Int64) }
    }

    private func quarantineExhaustedJobs(_ kind: JobKind, maxAttempts: Int, now: Date, db: Database) throws {
        let submissions = try Int64?.fetchAll(
            db,
            sql: """
                UPDATE jobs SET state = 'failed', finished_at = ?1, failure_reason = \(JobQueue.gaveUpReasonSQL)
                WHERE kind = ?3 AND state = 'running' AND lease_until < ?1 AND attempts >= ?2
                RETURNING submission_id
                """,
            arguments: [now.timeIntervalSince1970, maxAttempts, kind.rawValue])
        for case let submission? in submissions {
            try db.execute(
                sql: "UPDATE submissions SET status = 'failed', failure = ? WHERE id = ? AND status IN ('queued', 'scoring')",
                arguments: [JobFailure.gaveUp.teamMessage, submission])
        }
    }

    @discardableResult
    public func enqueueTasks(kind: JobKind, payloads: [String], now: Date) throws -> [Int64] {
        precondition(kind != .score, "scoring jobs are queued with their submissions")
        let ids = try pool.write { db in
            try payloads.map { payload in
                try db.cachedStatement(sql: "INSERT INTO jobs (kind, payload, state, created_at) VALUES (?, ?, 'queued', ?)")
                    .execute(arguments: [kind.rawValue, payload, now.timeIntervalSince1970])
                return db.lastInsertedRowID
            }
        }
        if !ids.isEmpty { jobSignal.signal() }
        return ids
    }

    @discardableResult
    public func finishTask(_ lease: JobLease, failure: String?, now: Date) throws -> Bool {
        try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET state = ?, finished_at = ?, failure_reason = ?
                    WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'
                    """,
                arguments: [failure == nil ? "done" : "failed", now.timeIntervalSince1970, failure, lease.jobID, lease.worker, lease.attempt])
            return db.changesCount == 1
        }
    }

    /// Jobs given up after their attempts ran out (or failed by a crash of their scorer), with the operator's reason.
    public func failedJobs() throws -> [FailedJob] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, kind, submission_id, attempts, failure_reason FROM jobs WHERE state = 'failed' ORDER BY id
                """).map {
                    FailedJob(jobID: $0["id"], kind: JobKind(rawValue: $0["kind"]) ?? .score, submissionID: $0["submission_id"],
                              attempts: $0["attempts"], reason: $0["failure_reason"])
                }
        }
    }

    /// Extends the leases still held by their worker and attempt.
    public func heartbeat(_ leases: [JobLease], leaseSeconds: Double, now: Date) throws {
        try pool.write { db in
            for lease in leases {
                try db.execute(
                    sql: "UPDATE jobs SET lease_until = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'",
                    arguments: [now.timeIntervalSince1970 + leaseSeconds, lease.jobID, lease.worker, lease.attempt])
            }
        }
    }

    public func jobContext(_ job: ClaimedJob) throws -> JobContext {
        try pool.read { db in
            let submission = try submission(job.submissionID, db: db)
            let (challenge, phase) = try challengeAndPhaseSlugs(ofSubmission: submission.id, db: db)
            let predictions = try Row.fetchOne(db, sql: "SELECT * FROM container_runs WHERE submission_id = ?", arguments: [submission.id])
                .flatMap { ContainerRunRow.record($0).predictions }
            return JobContext(submission: submission, challenge: challenge, phase: phase, predictions: predictions)
        }
    }

    @discardableResult
    public func waitForJobs(timeout: Duration) async -> Bool {
        await jobSignal.wait(timeout: timeout)
    }

    /// Queues every submission of a challenge (or of one phase) for scoring again.
    @discardableResult
    public func requeue(challenge: StoredChallenge, phase: String?, now: Date) throws -> Int {
        let queued = try pool.write { db in
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT s.id FROM submissions s JOIN phases p ON p.id = s.phase_id
                    WHERE p.challenge_id = ? AND (?2 IS NULL OR p.slug = ?2)
                      AND NOT EXISTS (SELECT 1 FROM container_runs r WHERE r.submission_id = s.id AND r.predictions_sha256 IS NULL)
                    ORDER BY s.id
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
        jobSignal.signal()
        return queued
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
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE kind = 'score' AND state IN ('queued', 'running')") ?? 0
        }
    }

    public func queueStatistics(now: Date) throws -> [JobKind: QueueStatistics] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: QueueStatistics.query(now: "?1"), arguments: [now.timeIntervalSince1970])
            return QueueStatistics.byKind(rows.map { row in
                (row["kind"], QueueStatistics(queued: row["queued"], running: row["running"], leaseExpired: row["lease_expired"],
                                              done: row["done"], failed: row["failed"], claims: row["claims"], reclaims: row["reclaims"]))
            })
        }
    }
}
