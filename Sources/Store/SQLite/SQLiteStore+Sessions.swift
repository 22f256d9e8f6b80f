import Foundation
import GRDB

extension SQLiteStore {
    public func openSession(token: String, now: Date, lifetime: TimeInterval) throws -> WebSession? {
        try pool.write { db in try openSession(token: token, now: now, lifetime: lifetime, in: db) }
    }

    func openSession(token: String, now: Date, lifetime: TimeInterval, in db: Database) throws -> WebSession? {
        let digest = AccessToken.digest(token)
        guard let row = try Row.fetchOne(db, sql: "SELECT id, sha256 FROM tokens WHERE sha256 = ? AND revoked_at IS NULL",
                                         arguments: [digest]),
            AccessToken.constantTimeEquals(row["sha256"], digest)
        else { return nil }
        let session = (id: RandomSecret.generate(prefix: "ses_"), csrf: RandomSecret.formToken())
        let expiresAt = now.addingTimeInterval(lifetime)
        try db.execute(
            sql: "INSERT INTO web_sessions (sha256, token_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [AccessToken.digest(session.id), row["id"] as Int64, session.csrf, now.timeIntervalSince1970,
                        expiresAt.timeIntervalSince1970])
        guard let identity = try sessionIdentity(AccessToken.digest(session.id), now: now, in: db) else { return nil }
        return WebSession(id: session.id, csrfToken: session.csrf, identity: identity.identity, expiresAt: expiresAt)
    }

    public func session(id: String, now: Date) throws -> WebSession? {
        try pool.read { db in
            try sessionIdentity(AccessToken.digest(id), now: now, in: db).map {
                WebSession(id: id, csrfToken: $0.csrf, identity: $0.identity, expiresAt: $0.expiresAt)
            }
        }
    }

    public func endSession(id: String, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE web_sessions SET ended_at = COALESCE(ended_at, ?) WHERE sha256 = ?",
                           arguments: [now.timeIntervalSince1970, AccessToken.digest(id)])
        }
    }

    /// A live session's identity, read through its token so that revoking the token ends the session too.
    private func sessionIdentity(_ digest: String, now: Date, in db: Database) throws -> (identity: TokenIdentity, csrf: String, expiresAt: Date)? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT s.sha256, s.csrf_token, s.expires_at, \(Self.identityColumns)
                FROM web_sessions s JOIN tokens t ON t.id = s.token_id \(Self.identityJoins)
                WHERE s.sha256 = ? AND s.ended_at IS NULL AND s.expires_at > ? AND t.revoked_at IS NULL
                """),
            arguments: [digest, now.timeIntervalSince1970]),
            AccessToken.constantTimeEquals(row["sha256"], digest),
            let identity = Self.identity(row)
        else { return nil }
        return (identity, row["csrf_token"], Date(timeIntervalSince1970: row["expires_at"]))
    }
}
