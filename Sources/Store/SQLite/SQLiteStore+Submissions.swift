import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// Checks the team's limits and records the submission with its job in one write transaction,
    /// so parallel uploads cannot both take the last slot. Only accepted submissions count. Concurrent uploads share
    /// one commit (`GroupCommitWriter`), each in its own savepoint, so a refused one leaves the others in.
    public func acceptSubmission(
        _ file: AcceptedFile, phase: StoredPhase, team: StoredTeam, challenge: String, now: Date
    ) throws -> StoredSubmission {
        let accepted = try uploads.write { [self] db in
            try checkLimits(phase.spec.limits, phaseID: phase.id, teamID: team.id, now: now, db: db)
            // Cached statements: at hundreds of uploads a second, preparing each statement anew is a visible cost.
            try db.cachedStatement(sql: """
                INSERT INTO submissions (phase_id, team_id, file_name, file_sha256, byte_count, submitted_at, status)
                VALUES (?, ?, ?, ?, ?, ?, 'queued')
                """
            ).execute(arguments: [phase.id, team.id, file.fileName, file.sha256, file.byteCount, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            // A container phase runs the image first; its run queues the scoring job once the output passes validation.
            let kind: JobKind = phase.spec.submission == .container ? .run : .score
            try db.cachedStatement(sql: "INSERT INTO jobs (kind, submission_id, state, created_at) VALUES (?, ?, 'queued', ?)")
                .execute(arguments: [kind.rawValue, id, now.timeIntervalSince1970])
            if let image = file.image { try recordImage(image, submission: id, db: db) }
            try append(AuditEntry(at: now, actor: "team:\(team.name)", action: "submission.accepted", challenge: challenge,
                                  subject: "\(phase.spec.slug)#\(id)", fileSHA256: file.sha256), in: db)
            return try submission(id, db: db)
        }
        jobSignal.signal()
        return accepted
    }

    /// Throws the `LimitRefusal` an upload would get now (without writing anything).
    public func checkLimits(phase: StoredPhase, team: StoredTeam, now: Date) throws {
        try pool.read { db in try checkLimits(phase.spec.limits, phaseID: phase.id, teamID: team.id, now: now, db: db) }
    }

    private func checkLimits(_ limits: SubmissionLimits, phaseID: Int64, teamID: Int64, now: Date, db: Database) throws {
        if let total = limits.total {
            let used = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM submissions WHERE phase_id = ? AND team_id = ?"),
                                        arguments: [phaseID, teamID]) ?? 0
            if used >= total { throw LimitRefusal(limit: total, periodSeconds: nil, nextAllowedAt: nil) }
        }
        guard let perPeriod = limits.perPeriod, let period = limits.periodSeconds else { return }
        let windowStart = now.timeIntervalSince1970 - Double(period)
        let inWindow = try Double.fetchAll(
            db,
            sql: "SELECT submitted_at FROM submissions WHERE phase_id = ? AND team_id = ? AND submitted_at > ? ORDER BY submitted_at",
            arguments: [phaseID, teamID, windowStart])
        if inWindow.count >= perPeriod {
            // The window frees a slot when its oldest still-counted submission ages out of it.
            let freeing = inWindow[inWindow.count - perPeriod]
            throw LimitRefusal(limit: perPeriod, periodSeconds: period,
                               nextAllowedAt: Date(timeIntervalSince1970: freeing + Double(period)))
        }
    }

    public func submission(_ id: Int64) throws -> StoredSubmission {
        try pool.read { db in try submission(id, db: db) }
    }

    func submission(_ id: Int64, db: Database) throws -> StoredSubmission {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM submissions WHERE id = ?"), arguments: [id]) else {
            throw StoreError.unknownSubmission(id)
        }
        return StoredSubmission(row)
    }

    /// A team's submissions to a phase, oldest first.
    public func submissions(phase: StoredPhase, team: StoredTeam) throws -> [StoredSubmission] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM submissions WHERE phase_id = ? AND team_id = ? ORDER BY id",
                             arguments: [phase.id, team.id]).map(StoredSubmission.init)
        }
    }

    /// A challenge's submissions, oldest first: one team's, or every team's when `team` is nil.
    public func submissions(challenge: StoredChallenge, team: StoredTeam?) throws -> [StoredSubmission] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.* FROM submissions s JOIN phases p ON p.id = s.phase_id
                    WHERE p.challenge_id = ? AND (?2 IS NULL OR s.team_id = ?2) ORDER BY s.id
                    """,
                arguments: [challenge.id, team?.id]
            ).map(StoredSubmission.init)
        }
    }

    /// Marks a team's submission as its final entry in its phase (team-choice rule), and unmarks the one chosen
    /// before: the write transaction serialises choices, so a team has at most one however many race.
    public func chooseFinal(_ submissionID: Int64, team: StoredTeam, challenge: String, now: Date) throws {
        try pool.write { db in
            let submission = try submission(submissionID, db: db)
            guard submission.teamID == team.id else { throw StoreError.unknownSubmission(submissionID) }
            try db.execute(sql: "UPDATE submissions SET chosen_at = NULL WHERE phase_id = ? AND team_id = ? AND id != ?",
                           arguments: [submission.phaseID, team.id, submissionID])
            try db.execute(sql: "UPDATE submissions SET chosen_at = ? WHERE id = ?",
                           arguments: [now.timeIntervalSince1970, submissionID])
            try append(AuditEntry(at: now, actor: "team:\(team.name)", action: "submission.chosen", challenge: challenge,
                                  subject: "#\(submissionID)", fileSHA256: submission.fileSHA256), in: db)
        }
    }
}

extension StoredSubmission {
    init(_ row: Row) {
        let chosen: Double? = row["chosen_at"]
        self.init(
            id: row["id"], phaseID: row["phase_id"], teamID: row["team_id"], fileName: row["file_name"],
            fileSHA256: row["file_sha256"], byteCount: row["byte_count"],
            submittedAt: Date(timeIntervalSince1970: row["submitted_at"]),
            status: SubmissionStatus(rawValue: row["status"]) ?? .failed, failure: row["failure"],
            chosenAt: chosen.map(Date.init(timeIntervalSince1970:)))
    }
}
