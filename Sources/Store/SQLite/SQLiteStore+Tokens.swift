import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// Issues a token for a role (and, for team tokens, a team); the secret is returned once and only its digest is kept.
    public func issueToken(role: TokenIdentity.Role, team: StoredTeam?, label: String?, now: Date)
        throws -> (record: TokenRecord, token: String)
    {
        precondition((role == .team) == (team != nil), "team tokens, and only they, belong to a team")
        let token = AccessToken.generate()
        let id = try pool.write { db in
            try db.execute(sql: "INSERT INTO tokens (sha256, role, team_id, label, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [AccessToken.digest(token), role.rawValue, team?.id, label, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            try append(AuditEntry(at: now, actor: "organiser", action: "token.issued", subject: "token #\(id)",
                                  detail: [role.rawValue, team?.name, label].compactMap { $0 }.joined(separator: " ")), in: db)
            return id
        }
        let record = TokenRecord(id: id, role: role, team: team?.name, label: label, createdAt: now, revokedAt: nil)
        return (record, token)
    }

    /// Revokes a token: from now on it authenticates nothing. Revoking twice keeps the first time.
    public func revokeToken(_ id: Int64, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
                           arguments: [now.timeIntervalSince1970, id])
            guard db.changesCount == 1 else { throw StoreError.unknownToken(id) }
            try append(AuditEntry(at: now, actor: "organiser", action: "token.revoked", subject: "token #\(id)"), in: db)
        }
    }

    /// The tokens of a challenge's teams, oldest first.
    public func teamTokens(challenge: StoredChallenge) throws -> [TokenRecord] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.role, tm.name, t.label, t.created_at, t.revoked_at
                    FROM tokens t JOIN teams tm ON tm.id = t.team_id
                    WHERE tm.challenge_id = ? ORDER BY t.id
                    """,
                arguments: [challenge.id]
            ).map { row in
                let revoked: Double? = row["revoked_at"]
                return TokenRecord(
                    id: row["id"], role: TokenIdentity.Role(rawValue: row["role"]) ?? .team, team: row["name"], label: row["label"],
                    createdAt: Date(timeIntervalSince1970: row["created_at"]), revokedAt: revoked.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func team(_ challenge: StoredChallenge, named name: String) throws -> StoredTeam {
        try pool.read { db in
            // As written first (a name kept before names were composed), else composed, as names are kept now.
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, name FROM teams WHERE challenge_id = ? AND name IN (?, ?) ORDER BY name = ? DESC LIMIT 1
                """, arguments: [challenge.id, name, name.precomposedStringWithCanonicalMapping, name])
            else { throw StoreError.unknownTeam(challenge: challenge.spec.slug, team: name) }
            return StoredTeam(id: row["id"], challengeID: challenge.id, name: row["name"])
        }
    }

    /// Changes whenever anything a leaderboard shows may have changed (a result, a publication, a truth import), so
    /// a server can cache what it computed from the store until the next change.
    public func leaderboardRevision() throws -> String {
        try pool.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT (SELECT COALESCE(MAX(id), 0) FROM evaluations) AS e, (SELECT COALESCE(MAX(id), 0) FROM audit_log) AS a")
            return "\(row?["e"] as Int64? ?? 0).\(row?["a"] as Int64? ?? 0)"
        }
    }

    /// Changes when what a leaderboard may show changes (a spec, truth, a publication, an organiser's override), as
    /// opposed to new results: a cache may serve an older board for new results, never across one of these.
    public func visibilityRevision() throws -> String {
        try pool.read { db in
            let parts = try String.fetchAll(db, sql: """
                SELECT c.slug || ':' || c.updated_at || ':' || COALESCE(c.truth_version, '-') || ':' || p.slug || ':'
                       || COALESCE(p.published_at, '-') || ':' || COALESCE(p.availability, '-')
                FROM challenges c JOIN phases p ON p.challenge_id = c.id ORDER BY c.id, p.id
                """)
            return parts.joined(separator: ";")
        }
    }

    /// Whether the database answers, for readiness probes.
    public func isReachable() -> Bool {
        (try? pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }
}
