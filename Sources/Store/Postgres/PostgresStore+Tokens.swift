import Foundation
import PostgresNIO

extension PostgresStore {
    /// Issues a token for a role (and, for team tokens, a team); the secret is returned once and only its digest is kept.
    public func issueToken(role: TokenIdentity.Role, team: StoredTeam?, label: String?, now: Date)
        throws -> (record: TokenRecord, token: String)
    {
        precondition((role == .team) == (team != nil), "team tokens, and only they, belong to a team")
        let token = AccessToken.generate()
        let id: Int64 = try write { connection in
            guard let row = try await connection.row(
                """
                INSERT INTO tokens (sha256, role, team_id, label, created_at)
                VALUES (\(AccessToken.digest(token)), \(role.rawValue), \(team?.id), \(label), \(now.timeIntervalSince1970))
                RETURNING id
                """, logger: self.logger)
            else { throw PostgresStoreError.raced("the new token's id did not come back") }
            let id: Int64 = try row.get("id")
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "token.issued", subject: "token #\(id)",
                                             detail: [role.rawValue, team?.name, label].compactMap { $0 }.joined(separator: " ")),
                                  on: connection)
            return id
        }
        return (TokenRecord(id: id, role: role, team: team?.name, label: label, createdAt: now, revokedAt: nil), token)
    }

    /// Revokes a token: from now on it authenticates nothing. Revoking twice keeps the first time.
    public func revokeToken(_ id: Int64, now: Date) throws {
        try write { connection in
            let updated = try await connection.rows(
                "UPDATE tokens SET revoked_at = COALESCE(revoked_at, \(now.timeIntervalSince1970)) WHERE id = \(id) RETURNING id",
                logger: self.logger)
            guard updated.count == 1 else { throw StoreError.unknownToken(id) }
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "token.revoked", subject: "token #\(id)"), on: connection)
        }
    }

    /// The tokens of a challenge's teams, oldest first.
    public func teamTokens(challenge: StoredChallenge) throws -> [TokenRecord] {
        try read { connection in
            try await connection.rows(
                """
                SELECT t.id, t.role, tm.name, t.label, t.created_at, t.revoked_at
                FROM tokens t JOIN teams tm ON tm.id = t.team_id
                WHERE tm.challenge_id = \(challenge.id) ORDER BY t.id
                """, logger: self.logger
            ).map { row in
                let revoked: Double? = try row.get("revoked_at")
                return TokenRecord(
                    id: try row.get("id"), role: TokenIdentity.Role(rawValue: try row.get("role")) ?? .team, team: try row.get("name"),
                    label: try row.get("label"), createdAt: Date(timeIntervalSince1970: try row.get("created_at")),
                    revokedAt: revoked.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }
}
