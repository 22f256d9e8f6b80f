import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Claims up to `limit` jobs that are queued or whose lease expired, oldest first, and quarantines jobs whose lease
    /// ran out after `maxAttempts` claims (see `SQLiteStore.claimJobs`). Candidates are locked with
    /// `FOR UPDATE SKIP LOCKED`, so claimers in any number of processes take different jobs without waiting for each
    /// other. It is one statement (atomic on its own, one round trip): the quarantined and the claimable jobs are
    /// disjoint sets (attempts at the cap, or under it), so neither step can take the other's rows.
    public func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob] {
        let at = now.timeIntervalSince1970, cap = Int64(maxAttempts)
        return try autocommit { connection in
            try await connection.rows(
                """
                WITH given_up AS (
                    UPDATE jobs SET state = 'failed', finished_at = \(at),
                        failure_reason = 'gave up after ' || attempts || ' attempts, each ended without a result '
                            || '(the worker crashed, was killed or lost its lease while scoring)'
                    WHERE id IN (
                        SELECT id FROM jobs WHERE state = 'running' AND lease_until < \(at) AND attempts >= \(cap)
                        FOR UPDATE SKIP LOCKED)
                    RETURNING submission_id),
                failed AS (
                    UPDATE submissions SET status = 'failed', failure = \(JobFailure.gaveUp.teamMessage)
                    WHERE id IN (SELECT submission_id FROM given_up) AND status IN ('queued', 'scoring')),
                claimed AS (
                    UPDATE jobs SET state = 'running', worker = \(worker), attempts = attempts + 1, lease_until = \(at + leaseSeconds)
                    WHERE id IN (
                        SELECT id FROM jobs
                        WHERE state = 'queued' OR (state = 'running' AND lease_until < \(at) AND attempts < \(cap))
                        ORDER BY id LIMIT \(Int64(limit))
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id, submission_id, attempts),
                scoring AS (
                    UPDATE submissions SET status = 'scoring'
                    WHERE id IN (SELECT submission_id FROM claimed) AND status = 'queued'
                      AND id NOT IN (SELECT submission_id FROM given_up))
                SELECT id, submission_id, attempts FROM claimed ORDER BY id
                """, logger: self.logger
            ).map {
                ClaimedJob(jobID: try $0.get("id"), submissionID: try $0.get("submission_id"),
                           attempt: Int(try $0.get("attempts", as: Int64.self)), worker: worker)
            }
        }
    }

    /// Jobs given up after their attempts ran out (or failed by a crash of their scorer), with the operator's reason.
    public func failedJobs() throws -> [FailedJob] {
        try read { connection in
            try await connection.rows(
                "SELECT id, submission_id, attempts, failure_reason FROM jobs WHERE state = 'failed' ORDER BY id", logger: self.logger
            ).map {
                FailedJob(jobID: try $0.get("id"), submissionID: try $0.get("submission_id"),
                          attempts: Int(try $0.get("attempts", as: Int64.self)), reason: try $0.get("failure_reason"))
            }
        }
    }

    /// Extends the lease of jobs still held by their worker and attempt.
    public func heartbeat(_ jobs: [ClaimedJob], leaseSeconds: Double, now: Date) throws {
        guard !jobs.isEmpty else { return }
        let until = now.timeIntervalSince1970 + leaseSeconds
        try write { connection in
            for job in jobs {
                try await connection.execute(
                    """
                    UPDATE jobs SET lease_until = \(until)
                    WHERE id = \(job.jobID) AND worker = \(job.worker) AND attempts = \(Int64(job.attempt)) AND state = 'running'
                    """, logger: self.logger)
            }
        }
    }

    public func jobContext(_ job: ClaimedJob) throws -> JobContext {
        try read { connection in
            let submission = try await self.submission(job.submissionID, on: connection)
            guard let row = try await connection.row(
                """
                SELECT c.slug AS challenge, p.slug AS phase FROM phases p JOIN challenges c ON c.id = p.challenge_id
                WHERE p.id = \(submission.phaseID)
                """, logger: self.logger)
            else { throw StoreError.unknownSubmission(job.submissionID) }
            return JobContext(submission: submission, challenge: try row.get("challenge"), phase: try row.get("phase"))
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
                WHERE p.challenge_id = \(challenge.id) AND (\(phase)::text IS NULL OR p.slug = \(phase)) ORDER BY s.id
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

    public func queueStatistics(now: Date) throws -> QueueStatistics {
        try read { connection in
            var binds = PostgresBindings()
            binds.append(now.timeIntervalSince1970)
            let query = PostgresQuery(unsafeSQL: QueueStatistics.query(now: "$1"), binds: binds)
            guard let row = try await connection.row(query, logger: self.logger) else { return QueueStatistics() }
            func count(_ column: String) throws -> Int { Int(try row.get(column, as: Int64.self)) }
            return QueueStatistics(queued: try count("queued"), running: try count("running"), leaseExpired: try count("lease_expired"),
                                   done: try count("done"), failed: try count("failed"), claims: try count("claims"),
                                   reclaims: try count("reclaims"))
        }
    }

    /// Jobs not finished yet, for status output.
    public func pendingJobCount() throws -> Int {
        try read { connection in
            try await connection.row("SELECT COUNT(*) AS n FROM jobs WHERE state IN ('queued', 'running')", logger: self.logger)?
                .get("n", as: Int.self) ?? 0
        }
    }
}
