import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    public func importCaseInputs(_ inputs: [StoredCaseInput], challenge slug: String, now: Date) throws {
        try pool.write { db in
            let challenge = try challenge(slug, db: db)
            let refs = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT id, case_id FROM cases WHERE challenge_id = ?", arguments: [challenge.id]
            ).map { ($0["case_id"] as String, $0["id"] as Int64) })
            try db.execute(sql: "DELETE FROM case_inputs WHERE case_ref IN (SELECT id FROM cases WHERE challenge_id = ?)",
                           arguments: [challenge.id])
            for input in inputs {
                guard let ref = refs[input.caseID] else { throw StoreError.unknownCase(challenge: slug, caseID: input.caseID) }
                try db.execute(
                    sql: "INSERT INTO case_inputs (case_ref, interface, file_name, sha256, byte_count) VALUES (?, ?, ?, ?, ?)",
                    arguments: [ref, input.interface, input.fileName, input.sha256, input.byteCount])
            }
            try append(AuditEntry(at: now, actor: "organiser", action: "inputs.imported", challenge: slug,
                                  detail: "\(inputs.count) files for \(Set(inputs.map(\.caseID)).count) cases"), in: db)
        }
    }

    public func caseInputs(challenge: StoredChallenge, caseIDs: [String]) throws -> [StoredCaseInput] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.case_id, i.interface, i.file_name, i.sha256, i.byte_count
                    FROM case_inputs i JOIN cases c ON c.id = i.case_ref
                    WHERE c.challenge_id = ? ORDER BY c.position, i.interface
                    """,
                arguments: [challenge.id])
            let wanted = Set(caseIDs)
            return rows.map(StoredCaseInput.init).filter { wanted.contains($0.caseID) }
        }
    }

    public func claimRuns(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob] {
        try pool.write { db in
            try claim(.run, worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: maxAttempts, db: db)
                .map { ClaimedJob(jobID: $0["id"], submissionID: $0["submission_id"], attempt: $0["attempts"], worker: worker) }
        }
    }

    @discardableResult
    public func finishRun(_ job: ClaimedJob, report: ContainerRunReport, predictions: AcceptedFile?, now: Date) throws -> Bool {
        let finished = try pool.write { db -> Bool in
            try db.execute(
                sql: """
                    UPDATE jobs SET state = 'done', finished_at = ?
                    WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'
                    """,
                arguments: [now.timeIntervalSince1970, job.jobID, job.worker, job.attempt])
            guard db.changesCount == 1 else { return false }
            try db.execute(
                sql: """
                    UPDATE container_runs SET verdict = ?, exit_code = ?, problem_count = ?, first_problem_kind = ?,
                        duration_seconds = ?, peak_memory_bytes = ?, log_sha256 = ?, predictions_name = ?,
                        predictions_sha256 = ?, predictions_bytes = ?, finished_at = ?
                    WHERE submission_id = ?
                    """,
                arguments: ContainerRunRow.arguments(report, predictions, now: now) + [job.submissionID])
            if predictions != nil {
                try db.execute(sql: "INSERT INTO jobs (kind, submission_id, state, created_at) VALUES ('score', ?, 'queued', ?)",
                               arguments: [job.submissionID, now.timeIntervalSince1970])
            } else {
                try db.execute(sql: "UPDATE submissions SET status = 'failed', failure = ? WHERE id = ?",
                               arguments: [report.teamMessage, job.submissionID])
            }
            let (challenge, phase) = try challengeAndPhaseSlugs(ofSubmission: job.submissionID, db: db)
            try append(AuditEntry(at: now, actor: "runner:\(job.worker)", action: "container.finished", challenge: challenge,
                                  subject: "\(phase)#\(job.submissionID)", fileSHA256: predictions?.sha256,
                                  detail: report.verdict.rawValue), in: db)
            return true
        }
        if finished, predictions != nil { jobSignal.signal() }
        return finished
    }

    public func containerRun(submissionID: Int64) throws -> ContainerRunRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM container_runs WHERE submission_id = ?", arguments: [submissionID])
                .map(ContainerRunRow.record)
        }
    }

    public func imageStillNeeded(_ imageID: String, now: Date) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM container_runs r JOIN jobs j ON j.submission_id = r.submission_id
                                   WHERE r.image_id = ? AND j.kind = 'run' AND j.state IN ('queued', 'running'))
                    """,
                arguments: [imageID]) ?? false
        }
    }

    /// Inside `acceptSubmission`: a container submission's image, whose run comes before any scoring.
    func recordImage(_ image: SubmittedImage, submission: Int64, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO container_runs (submission_id, image_id, image_format, architecture) VALUES (?, ?, ?, ?)",
            arguments: [submission, image.imageID, image.format, image.architecture])
    }

    /// The slugs of a submission's challenge and phase, for job contexts and audit entries.
    func challengeAndPhaseSlugs(ofSubmission id: Int64, db: Database) throws -> (challenge: String, phase: String) {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT c.slug AS challenge, p.slug AS phase FROM submissions s JOIN phases p ON p.id = s.phase_id
                JOIN challenges c ON c.id = p.challenge_id WHERE s.id = ?
                """,
            arguments: [id])
        else { throw StoreError.unknownSubmission(id) }
        return (row["challenge"], row["phase"])
    }
}

extension StoredCaseInput {
    init(_ row: Row) {
        self.init(caseID: row["case_id"], interface: row["interface"], fileName: row["file_name"], sha256: row["sha256"],
                  byteCount: row["byte_count"])
    }
}
