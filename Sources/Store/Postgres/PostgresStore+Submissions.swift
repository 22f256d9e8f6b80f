import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Checks the team's limits and records the submission with its job in one transaction. The transaction first
    /// takes an advisory lock on (schema, phase, team), so uploads of one team to one phase are serialised across
    /// every server process: the count each one checks includes everything committed before it.
    public func acceptSubmission(
        _ file: AcceptedFile, phase: StoredPhase, team: StoredTeam, challenge: String, now: Date
    ) throws -> StoredSubmission {
        let at = now.timeIntervalSince1970
        return try write { connection in
            try await self.lockTeam(team.id, inPhase: phase.id, on: connection)
            try await self.checkLimits(phase.spec.limits, phaseID: phase.id, teamID: team.id, now: now, on: connection)
            guard let row = try await connection.row(
                """
                INSERT INTO submissions (phase_id, team_id, file_name, file_sha256, byte_count, submitted_at, status)
                VALUES (\(phase.id), \(team.id), \(file.fileName), \(file.sha256), \(Int64(file.byteCount)), \(at), 'queued')
                RETURNING *
                """, logger: self.logger)
            else { throw PostgresStoreError.raced("the new submission did not come back") }
            let submission = try StoredSubmission(row)
            // A container phase runs the image first; its run queues the scoring job once the output passes validation.
            let kind: JobKind = phase.spec.submission == .container ? .run : .score
            try await connection.execute(
                "INSERT INTO jobs (kind, submission_id, state, created_at) VALUES (\(kind.rawValue), \(submission.id), 'queued', \(at))",
                logger: self.logger)
            if let image = file.image {
                try await connection.execute(
                    """
                    INSERT INTO container_runs (submission_id, image_id, image_format, architecture)
                    VALUES (\(submission.id), \(image.imageID), \(image.format), \(image.architecture))
                    """, logger: self.logger)
            }
            try await self.announceJobs(on: connection)
            try await self.append(AuditEntry(at: now, actor: "team:\(team.name)", action: "submission.accepted", challenge: challenge,
                                             subject: "\(phase.spec.slug)#\(submission.id)", fileSHA256: file.sha256), on: connection)
            return submission
        }
    }

    /// Takes the transaction's advisory lock on (schema, phase, team): uploads and final-entry choices of one team
    /// in one phase are serialised across every server process, so each sees everything committed before it.
    func lockTeam(_ teamID: Int64, inPhase phaseID: Int64, on connection: PostgresConnection) async throws {
        try await connection.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(\("arbiter.submit " + schema) || ' ' || \(phaseID) || ' ' || \(teamID), 0))",
            logger: logger)
    }

    /// Throws the `LimitRefusal` an upload would get now (without writing anything).
    public func checkLimits(phase: StoredPhase, team: StoredTeam, now: Date) throws {
        try read { connection in
            try await self.checkLimits(phase.spec.limits, phaseID: phase.id, teamID: team.id, now: now, on: connection)
        }
    }

    private func checkLimits(_ limits: SubmissionLimits, phaseID: Int64, teamID: Int64, now: Date, on connection: PostgresConnection) async throws {
        if let total = limits.total {
            let used = try await connection.row(
                "SELECT COUNT(*) AS n FROM submissions WHERE phase_id = \(phaseID) AND team_id = \(teamID)", logger: logger
            )?.get("n", as: Int.self) ?? 0
            if used >= total { throw LimitRefusal(limit: total, periodSeconds: nil, nextAllowedAt: nil) }
        }
        guard let perPeriod = limits.perPeriod, let period = limits.periodSeconds else { return }
        let windowStart = now.timeIntervalSince1970 - Double(period)
        let inWindow: [Double] = try await connection.rows(
            """
            SELECT submitted_at FROM submissions
            WHERE phase_id = \(phaseID) AND team_id = \(teamID) AND submitted_at > \(windowStart) ORDER BY submitted_at
            """, logger: logger
        ).map { try $0.get("submitted_at") }
        if inWindow.count >= perPeriod {
            // The window frees a slot when its oldest still-counted submission ages out of it.
            let freeing = inWindow[inWindow.count - perPeriod]
            throw LimitRefusal(limit: perPeriod, periodSeconds: period, nextAllowedAt: Date(timeIntervalSince1970: freeing + Double(period)))
        }
    }

    public func submission(_ id: Int64) throws -> StoredSubmission {
        try read { connection in try await self.submission(id, on: connection) }
    }

    func submission(_ id: Int64, on connection: PostgresConnection) async throws -> StoredSubmission {
        guard let row = try await connection.row("SELECT * FROM submissions WHERE id = \(id)", logger: logger) else {
            throw StoreError.unknownSubmission(id)
        }
        return try StoredSubmission(row)
    }

    /// A team's submissions to a phase, oldest first.
    public func submissions(phase: StoredPhase, team: StoredTeam) throws -> [StoredSubmission] {
        try read { connection in
            try await connection.rows(
                "SELECT * FROM submissions WHERE phase_id = \(phase.id) AND team_id = \(team.id) ORDER BY id", logger: self.logger
            ).map(StoredSubmission.init)
        }
    }

    /// A challenge's submissions, oldest first: one team's, or every team's when `team` is nil.
    public func submissions(challenge: StoredChallenge, team: StoredTeam?) throws -> [StoredSubmission] {
        try read { connection in
            try await connection.rows(
                """
                SELECT s.* FROM submissions s JOIN phases p ON p.id = s.phase_id
                WHERE p.challenge_id = \(challenge.id) AND (\(team?.id)::bigint IS NULL OR s.team_id = \(team?.id)) ORDER BY s.id
                """, logger: self.logger
            ).map(StoredSubmission.init)
        }
    }

    /// Marks a team's submission as its final entry in its phase (team-choice rule), and unmarks the one chosen
    /// before, under the team's lock on the phase: a team has at most one however many servers race.
    public func chooseFinal(_ submissionID: Int64, team: StoredTeam, challenge: String, now: Date) throws {
        try write { connection in
            guard let row = try await connection.row("SELECT * FROM submissions WHERE id = \(submissionID)", logger: self.logger)
            else { throw StoreError.unknownSubmission(submissionID) }
            let submission = try StoredSubmission(row)
            guard submission.teamID == team.id else { throw StoreError.unknownSubmission(submissionID) }
            try await self.lockTeam(team.id, inPhase: submission.phaseID, on: connection)
            try await connection.execute(
                """
                UPDATE submissions SET chosen_at = NULL
                WHERE phase_id = \(submission.phaseID) AND team_id = \(team.id) AND id <> \(submissionID) AND chosen_at IS NOT NULL
                """, logger: self.logger)
            try await connection.execute(
                "UPDATE submissions SET chosen_at = \(now.timeIntervalSince1970) WHERE id = \(submissionID)", logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "team:\(team.name)", action: "submission.chosen", challenge: challenge,
                                             subject: "#\(submissionID)", fileSHA256: submission.fileSHA256), on: connection)
        }
    }
}

extension StoredSubmission {
    init(_ row: PostgresRandomAccessRow) throws {
        let chosen: Double? = try row.get("chosen_at")
        self.init(
            id: try row.get("id"), phaseID: try row.get("phase_id"), teamID: try row.get("team_id"), fileName: try row.get("file_name"),
            fileSHA256: try row.get("file_sha256"), byteCount: Int(try row.get("byte_count", as: Int64.self)),
            submittedAt: Date(timeIntervalSince1970: try row.get("submitted_at")),
            status: SubmissionStatus(rawValue: try row.get("status")) ?? .failed, failure: try row.get("failure"),
            chosenAt: chosen.map(Date.init(timeIntervalSince1970:)))
    }
}
