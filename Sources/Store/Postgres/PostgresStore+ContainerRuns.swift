import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    public func importCaseInputs(_ inputs: [StoredCaseInput], challenge slug: String, now: Date) throws {
        try write { connection in
            let challenge = try await self.challenge(slug, on: connection)
            try await connection.execute("SELECT id FROM challenges WHERE id = \(challenge.id) FOR UPDATE", logger: self.logger)
            let known = Set(try await connection.rows("SELECT case_id FROM cases WHERE challenge_id = \(challenge.id)", logger: self.logger)
                .map { try $0.get("case_id", as: String.self) })
            if let stranger = inputs.first(where: { !known.contains($0.caseID) }) {
                throw StoreError.unknownCase(challenge: slug, caseID: stranger.caseID)
            }
            try await connection.execute(
                "DELETE FROM case_inputs WHERE case_ref IN (SELECT id FROM cases WHERE challenge_id = \(challenge.id))", logger: self.logger)
            try await connection.execute(
                """
                INSERT INTO case_inputs (case_ref, interface, file_name, sha256, byte_count)
                SELECT c.id, v.interface, v.file_name, v.sha256, v.byte_count
                FROM unnest(\(inputs.map(\.caseID))::text[], \(inputs.map(\.interface))::text[], \(inputs.map(\.fileName))::text[],
                            \(inputs.map(\.sha256))::text[], \(inputs.map { Int64($0.byteCount) })::bigint[])
                    AS v(case_id, interface, file_name, sha256, byte_count)
                JOIN cases c ON c.challenge_id = \(challenge.id) AND c.case_id = v.case_id
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "inputs.imported", challenge: slug,
                                             detail: "\(inputs.count) files for \(Set(inputs.map(\.caseID)).count) cases"), on: connection)
        }
    }

    public func caseInputs(challenge: StoredChallenge, caseIDs: [String]) throws -> [StoredCaseInput] {
        try read { connection in
            try await connection.rows(
                """
                SELECT c.case_id, i.interface, i.file_name, i.sha256, i.byte_count
                FROM case_inputs i JOIN cases c ON c.id = i.case_ref
                WHERE c.challenge_id = \(challenge.id) AND c.case_id = ANY(\(caseIDs)) ORDER BY c.position, i.interface
                """, logger: self.logger
            ).map {
                StoredCaseInput(caseID: try $0.get("case_id"), interface: try $0.get("interface"), fileName: try $0.get("file_name"),
                                sha256: try $0.get("sha256"), byteCount: Int(try $0.get("byte_count", as: Int64.self)))
            }
        }
    }

    public func claimRuns(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob] {
        try claimSubmissionJobs(.run, worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: maxAttempts)
    }

    @discardableResult
    public func finishRun(_ job: ClaimedJob, report: ContainerRunReport, predictions: AcceptedFile?, now: Date) throws -> Bool {
        let at = now.timeIntervalSince1970
        return try write { connection in
            guard try await connection.row(
                """
                UPDATE jobs SET state = 'done', finished_at = \(at)
                WHERE id = \(job.jobID) AND worker = \(job.worker) AND attempts = \(Int64(job.attempt)) AND state = 'running'
                RETURNING id
                """, logger: self.logger) != nil
            else { return false }
            try await connection.execute(
                """
                UPDATE container_runs SET verdict = \(report.verdict.rawValue), exit_code = \(report.exitCode),
                    problem_count = \(report.problemCount.map(Int64.init)), first_problem_kind = \(report.firstProblemKind),
                    duration_seconds = \(report.durationSeconds), peak_memory_bytes = \(report.peakMemoryBytes),
                    log_sha256 = \(report.logSHA256), predictions_name = \(predictions?.fileName),
                    predictions_sha256 = \(predictions?.sha256), predictions_bytes = \(predictions.map { Int64($0.byteCount) }),
                    finished_at = \(at)
                WHERE submission_id = \(job.submissionID)
                """, logger: self.logger)
            if predictions != nil {
                try await connection.execute(
                    "INSERT INTO jobs (kind, submission_id, state, created_at) VALUES ('score', \(job.submissionID), 'queued', \(at))",
                    logger: self.logger)
                try await self.announceJobs(on: connection)
            } else {
                try await connection.execute(
                    "UPDATE submissions SET status = 'failed', failure = \(report.teamMessage) WHERE id = \(job.submissionID)",
                    logger: self.logger)
            }
            let (challenge, phase) = try await self.challengeAndPhaseSlugs(ofSubmission: job.submissionID, on: connection)
            try await self.append(AuditEntry(at: now, actor: "runner:\(job.worker)", action: "container.finished", challenge: challenge,
                                             subject: "\(phase)#\(job.submissionID)", fileSHA256: predictions?.sha256,
                                             detail: report.verdict.rawValue), on: connection)
            return true
        }
    }

    public func containerRun(submissionID: Int64) throws -> ContainerRunRecord? {
        try read { connection in try await self.containerRun(submissionID: submissionID, on: connection) }
    }

    func containerRun(submissionID: Int64, on connection: PostgresConnection) async throws -> ContainerRunRecord? {
        guard let row = try await connection.row("SELECT * FROM container_runs WHERE submission_id = \(submissionID)", logger: logger)
        else { return nil }
        let image = SubmittedImage(imageID: try row.get("image_id"), format: try row.get("image_format"), architecture: try row.get("architecture"))
        let verdict = try row.get("verdict", as: String?.self).flatMap(RunVerdict.init(rawValue:))
        let report = try verdict.map {
            ContainerRunReport(
                verdict: $0, exitCode: try row.get("exit_code", as: Int32?.self), problemCount: try row.get("problem_count", as: Int32?.self).map(Int.init),
                firstProblemKind: try row.get("first_problem_kind"), durationSeconds: try row.get("duration_seconds", as: Double?.self) ?? 0,
                peakMemoryBytes: try row.get("peak_memory_bytes"), logSHA256: try row.get("log_sha256"))
        }
        let predictions = try row.get("predictions_sha256", as: String?.self).map {
            AcceptedFile(fileName: try row.get("predictions_name", as: String?.self) ?? "predictions", sha256: $0,
                         byteCount: Int(try row.get("predictions_bytes", as: Int64?.self) ?? 0))
        }
        return ContainerRunRecord(submissionID: submissionID, image: image, report: report, predictions: predictions,
                                  finishedAt: try row.get("finished_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)))
    }

    public func imageStillNeeded(_ imageID: String, now: Date) throws -> Bool {
        try read { connection in
            try await connection.row(
                """
                SELECT 1 AS needed FROM container_runs r JOIN jobs j ON j.submission_id = r.submission_id
                WHERE r.image_id = \(imageID) AND j.kind = 'run' AND j.state IN ('queued', 'running') LIMIT 1
                """, logger: self.logger) != nil
        }
    }

    /// The slugs of a submission's challenge and phase, for job contexts and audit entries.
    func challengeAndPhaseSlugs(ofSubmission id: Int64, on connection: PostgresConnection) async throws -> (challenge: String, phase: String) {
        guard let row = try await connection.row(
            """
            SELECT c.slug AS challenge, p.slug AS phase FROM submissions s JOIN phases p ON p.id = s.phase_id
            JOIN challenges c ON c.id = p.challenge_id WHERE s.id = \(id)
            """, logger: logger)
        else { throw StoreError.unknownSubmission(id) }
        return (try row.get("challenge"), try row.get("phase"))
    }
}
