import Foundation
import PostgresNIO

extension PostgresStore {
    public func openSession(token: String, now: Date, lifetime: TimeInterval) throws -> WebSession? {
        try write { connection in try await self.openSession(token: token, now: now, lifetime: lifetime, on: connection) }
    }

    /// Opens a session for a live token inside the caller's transaction; nil for an unknown or revoked token.
    func openSession(token: String, now: Date, lifetime: TimeInterval, on connection: PostgresConnection) async throws -> WebSession? {
        let digest = AccessToken.digest(token)
        guard let row = try await connection.row(
            "SELECT id, sha256 FROM tokens WHERE sha256 = \(digest) AND revoked_at IS NULL", logger: logger),
            AccessToken.constantTimeEquals(try row.get("sha256"), digest)
        else { return nil }
        let (id, csrf) = (RandomSecret.generate(prefix: "ses_"), RandomSecret.formToken())
        let (tokenID, expiresAt): (Int64, Date) = (try row.get("id"), now.addingTimeInterval(lifetime))
        try await connection.execute(
            """
            INSERT INTO web_sessions (sha256, token_id, csrf_token, created_at, expires_at)
            VALUES (\(AccessToken.digest(id)), \(tokenID), \(csrf), \(now.timeIntervalSince1970), \(expiresAt.timeIntervalSince1970))
            """, logger: logger)
        guard let live = try await sessionIdentity(AccessToken.digest(id), now: now, on: connection) else { return nil }
        return WebSession(id: id, csrfToken: csrf, identity: live.identity, expiresAt: expiresAt)
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
            SELECT s.sha256, s.csrf_token, s.expires_at, \(unescaped: Self.identityColumns)
            FROM web_sessions s JOIN tokens t ON t.id = s.token_id \(unescaped: Self.identityJoins)
            WHERE s.sha256 = \(digest) AND s.ended_at IS NULL AND s.expires_at > \(now.timeIntervalSince1970) AND t.revoked_at IS NULL
            """, logger: logger),
            AccessToken.constantTimeEquals(try row.get("sha256"), digest),
            let identity = try Self.identity(row)
        else { return nil }
        return (identity, try row.get("csrf_token"), Date(timeIntervalSince1970: try row.get("expires_at")))
    }
}
