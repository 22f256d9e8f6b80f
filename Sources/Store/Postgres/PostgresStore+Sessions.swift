import Foundation
import PostgresNIO

extension PostgresStore {
    public func openSession(token: String, now: Date, lifetime: TimeInterval) throws -> WebSession? {
        let digest = AccessToken.digest(token)
        return try write { connection in
            guard let row = try await connection.row(
                "SELECT id, sha256 FROM tokens WHERE sha256 = \(digest) AND revoked_at IS NULL", logger: self.logger),
                AccessToken.constantTimeEquals(try row.get("sha256"), digest)
            else { return nil }
            let (id, csrf) = (RandomSecret.generate(prefix: "ses_"), RandomSecret.formToken())
            let (tokenID, expiresAt): (Int64, Date) = (try row.get("id"), now.addingTimeInterval(lifetime))
            try await connection.execute(
                """
                INSERT INTO web_sessions (sha256, token_id, csrf_token, created_at, expires_at)
                VALUES (\(AccessToken.digest(id)), \(tokenID), \(csrf), \(now.timeIntervalSince1970), \(expiresAt.timeIntervalSince1970))
                """, logger: self.logger)
            guard let live = try await self.sessionIdentity(AccessToken.digest(id), now: now, on: connection) else { return nil }
            return WebSession(id: id, csrfToken: csrf, identity: live.identity, expiresAt: expiresAt)
        }
    }

    public func session(id: String, now: Date) throws -> WebSession? {
        try read { connection in
            try await self.sessionIdentity(AccessToken.digest(id), now: now, on: connection).map {
                WebSession(id: id, csrfToken: $0.csrf, identity: $0.identity, expiresAt: $0.expiresAt)
            }
        }
    }

    public func endSession(id: String, now: Date) throws {
        try write { connection in
            try await connection.execute(
                "UPDATE web_sessions SET ended_at = COALESCE(ended_at, \(now.timeIntervalSince1970)) WHERE sha256 = \(AccessToken.digest(id))",
                logger: self.logger)
        }
    }

    /// A live session's identity, read through its token so that revoking the token ends the session too.
    private func sessionIdentity(_ digest: String, now: Date, on connection: PostgresConnection) async throws
        -> (identity: TokenIdentity, csrf: String, expiresAt: Date)?
    {
        guard let row = try await connection.row(
            """
            SELECT s.sha256, s.csrf_token, s.expires_at, t.id AS token_id, t.role, tm.id AS team_id, tm.challenge_id, tm.name
            FROM web_sessions s JOIN tokens t ON t.id = s.token_id LEFT JOIN teams tm ON tm.id = t.team_id
            WHERE s.sha256 = \(digest) AND s.ended_at IS NULL AND s.expires_at > \(now.timeIntervalSince1970) AND t.revoked_at IS NULL
            """, logger: logger),
            AccessToken.constantTimeEquals(try row.get("sha256"), digest),
            let role = TokenIdentity.Role(rawValue: try row.get("role"))
        else { return nil }
        let teamID: Int64? = try row.get("team_id")
        let team = try teamID.map { StoredTeam(id: $0, challengeID: try row.get("challenge_id"), name: try row.get("name")) }
        return (TokenIdentity(tokenID: try row.get("token_id"), role: role, team: team), try row.get("csrf_token"), Date(timeIntervalSince1970: try row.get("expires_at")))
    }
}
