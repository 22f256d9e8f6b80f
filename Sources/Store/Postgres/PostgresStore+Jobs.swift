import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Claims up to `limit` scoring jobs that are queued or whose lease expired, oldest first, and quarantines jobs
    /// whose lease ran out after `maxAttempts` claims (see `SQLiteStore.claimJobs`); see `claimRows` for how.
    public func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob] {
        try claimSubmissionJobs(.score, worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: maxAttempts)
    }

    /// Claimed jobs of a kind that has submissions (scoring, container runs).
    func claimSubmissionJobs(_ kind: JobKind, worker: String, limit: Int, leaseSeconds: Double, now: Date,
                             maxAttempts: Int) throws -> [ClaimedJob] {
        try claimRows(kind, worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: maxAttempts).map {
            guard let submissionID = $0.submissionID else {
                throw PostgresStoreError(message: "\(kind.rawValue) job \($0.id) has no submission", sqlState: "", sql: "")
            }
            return ClaimedJob(jobID: $0.id, submissionID: submissionID, attempt: $0.attempts, worker: worker)
        }
    }

    public func claimTasks(kind: JobKind, worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedTask] {
        precondition(kind != .score, "scoring jobs are claimed with claimJobs, which also marks their submissions")
        return try claimRows(kind, worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: maxAttempts).map {
            ClaimedTask(lease: JobLease(jobID: $0.id, attempt: $0.attempts, worker: worker), kind: kind, payload: $0.payload ?? "")
        }
    }

    /// The claim of one kind, one prepared statement (see `JobClaimStatement`).
    func claimRows(_ kind: JobKind, worker: String, limit: Int, leaseSeconds: Double, now: Date,
                   maxAttempts: Int) throws -> [ClaimedJobRow] {
        let parameters = JobClaimParameters(now: now, maxAttempts: maxAttempts, worker: worker, leaseSeconds: leaseSeconds,
                                            limit: limit, kind: kind)
        return try autocommit { connection in
            switch kind {
            case .score: return try await connection.rows(ScoreJobClaim(parameters: parameters), logger: self.logger)
            case .run: return try await connection.rows(RunJobClaim(parameters: parameters), logger: self.logger)
            case .tile: return try await connection.rows(TaskJobClaim(parameters: parameters), logger: self.logger)
            }
        }
    }

    @discardableResult
    public func enqueueTasks(kind: JobKind, payloads: [String], now: Date) throws -> [Int64] {
        precondition(kind != .score, "scoring jobs are queued with their submissions")
        guard !payloads.isEmpty else { return [] }
        return try write { connection in
            var ids: [Int64] = []
            for payload in payloads {
                guard let row = try await connection.row(
                    """
                    INSERT INTO jobs (kind, payload, state, created_at) VALUES (\(kind.rawValue), \(payload), 'queued', \(now.timeIntervalSince1970))
                    RETURNING id
                    """, logger: self.logger)
                else { throw PostgresStoreError.raced("the new job did not come back") }
                ids.append(try row.get("id"))
            }
            try await self.announceJobs(on: connection)
            return ids
        }
    }

    @discardableResult
    public func finishTask(_ lease: JobLease, failure: String?, now: Date) throws -> Bool {
        try autocommit { connection in
            try await connection.row(
                """
                UPDATE jobs SET state = \(failure == nil ? "done" : "failed"), finished_at = \(now.timeIntervalSince1970), failure_reason = \(failure)
                WHERE id = \(lease.jobID) AND worker = \(lease.worker) AND attempts = \(Int64(lease.attempt)) AND state = 'running'
                RETURNING id
                """, logger: self.logger) != nil
        }
    }

    /// Jobs given up after their attempts ran out (or failed by a crash of their scorer), with the operator's reason.
    public func failedJobs() throws -> [FailedJob] {
        try read { connection in
            try await connection.rows(
                "SELECT id, kind, submission_id, attempts, failure_reason FROM jobs WHERE state = 'failed' ORDER BY id", logger: self.logger
            ).map {
                FailedJob(jobID: try $0.get("id"), kind: JobKind(rawValue: try $0.get("kind")) ?? .score,
                          submissionID: try $0.get("submission_id", as: Int64?.self),
                          attempts: Int(try $0.get("attempts", as: Int64.self)), reason: try $0.get("failure_reason"))
            }
        }
    }

    /// Extends the leases still held by their worker and attempt.
    public func heartbeat(_ leases: [JobLease], leaseSeconds: Double, now: Date) throws {
        guard !leases.isEmpty else { return }
        let until = now.timeIntervalSince1970 + leaseSeconds
        try write { connection in
            for lease in leases {
                try await connection.execute(
                    """
                    UPDATE jobs SET lease_until = \(until)
                    WHERE id = \(lease.jobID) AND worker = \(lease.worker) AND attempts = \(Int64(lease.attempt)) AND state = 'running'
                    """, logger: self.logger)
            }
        }
    }

    public func jobContext(_ job: ClaimedJob) throws -> JobContext {
        try read { connection in
            let submission = try await self.submission(job.submissionID, on: connection)
            let (challenge, phase) = try await self.challengeAndPhaseSlugs(ofSubmission: submission.id, on: connection)
            let predictions = try await self.containerRun(submissionID: submission.id, on: connection)?.predictions
            return JobContext(submission: submission, challenge: challenge, phase: phase, predictions: predictions)
        }
    }

    /// The contexts of a claimed batch in one query, where `jobContext` takes three per job.
    public func jobContexts(_ jobs: [ClaimedJob]) throws -> [JobContext] {
        guard !jobs.isEmpty else { return [] }
        let ids = jobs.map(\.submissionID)
        let contexts: [Int64: JobContext] = try read { connection in
            let rows = try await connection.rows(
                """
                SELECT s.*, c.slug AS challenge_slug, p.slug AS phase_slug,
                       r.predictions_name, r.predictions_sha256, r.predictions_bytes
                FROM submissions s JOIN phases p ON p.id = s.phase_id JOIN challenges c ON c.id = p.challenge_id
                LEFT JOIN container_runs r ON r.submission_id = s.id
                WHERE s.id = ANY(\(ids))
                """, logger: self.logger)
            return Dictionary(uniqueKeysWithValues: try rows.map { row in
                let submission = try StoredSubmission(row)
                let predictions = try row.get("predictions_sha256", as: String?.self).map {
                    AcceptedFile(fileName: try row.get("predictions_name", as: String?.self) ?? "predictions", sha256: $0,
                                 byteCount: Int(try row.get("predictions_bytes", as: Int64?.self) ?? 0))
                }
                return (submission.id, JobContext(submission: submission, challenge: try row.get("challenge_slug"),
                                                  phase: try row.get("phase_slug"), predictions: predictions))
            })
        }
        return try jobs.map { job in
            guard let context = contexts[job.submissionID] else { throw StoreError.unknownSubmission(job.submissionID) }
            return context
        }
    }

    /// Queues every submission of a challenge (or of one phase) for scoring again.
    @discardableResult
    public func requeue(challenge: StoredChallenge, phase: String?, now: Date) throws -> Int {
        try write { connection in
            let queued = try await connection.rows(
                """
                INSERT INTO jobs (submission_id, state, created_at)
                SELECT s.id, 'queued', \(now.timeIntervalSince1970) FROM submissions s JOIN phases p ON p.id = s.phase_id
                WHERE p.challenge_id = \(challenge.id) AND (\(phase)::text IS NULL OR p.slug = \(phase))
                  AND NOT EXISTS (SELECT 1 FROM container_runs r WHERE r.submission_id = s.id AND r.predictions_sha256 IS NULL)
                ORDER BY s.id
                RETURNING id
                """, logger: self.logger
            ).count
            if queued > 0 { try await self.announceJobs(on: connection) }
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "phase.rejudged", challenge: challenge.spec.slug,
                                             subject: phase, detail: "\(queued) submissions"), on: connection)
            return queued
        }
    }

    /// For each submission, how many jobs it was queued with and how many evaluations it has.
    public func jobAndEvaluationCounts() throws -> [Int64: (jobs: Int, evaluations: Int)] {
        let rows: [[Int64]] = try read { connection in
            try await connection.rows(
                """
                SELECT s.id,
                       (SELECT COUNT(*) FROM jobs j WHERE j.submission_id = s.id) AS jobs,
                       (SELECT COUNT(*) FROM evaluations e WHERE e.submission_id = s.id) AS evaluations
                FROM submissions s
                """, logger: self.logger
            ).map { [try $0.get("id"), try $0.get("jobs"), try $0.get("evaluations")] }
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], (jobs: Int($0[1]), evaluations: Int($0[2]))) })
    }

    public func queueStatistics(now: Date) throws -> [JobKind: QueueStatistics] {
        try read { connection in
            var binds = PostgresBindings()
            binds.append(now.timeIntervalSince1970)
            let rows = try await connection.rows(PostgresQuery(unsafeSQL: QueueStatistics.query(now: "$1"), binds: binds), logger: self.logger)
            return QueueStatistics.byKind(try rows.map { row in
                func count(_ column: String) throws -> Int { Int(try row.get(column, as: Int64.self)) }
                return (try row.get("kind", as: String.self),
                        QueueStatistics(queued: try count("queued"), running: try count("running"), leaseExpired: try count("lease_expired"),
                                        done: try count("done"), failed: try count("failed"), claims: try count("claims"),
                                        reclaims: try count("reclaims")))
            })
        }
    }

    /// Jobs not finished yet, for status output.
    public func pendingJobCount() throws -> Int {
        try read { connection in
            try await connection.row("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'score' AND state IN ('queued', 'running')", logger: self.logger)?
                .get("n", as: Int.self) ?? 0
        }
    }
}
