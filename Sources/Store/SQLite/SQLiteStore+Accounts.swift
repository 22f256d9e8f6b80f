import Foundation
import GRDB

extension SQLiteStore {
    public func createAccount(email: EmailAddress, passwordHash: String, now: Date) throws -> StoredAccount? {
        try pool.write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE email_key = ?)", arguments: [email.key]) ?? false
            guard !taken else { return nil }
            try db.execute(sql: "INSERT INTO accounts (email, email_key, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [email.text, email.key, passwordHash, now.timeIntervalSince1970])
            let account = StoredAccount(id: db.lastInsertedRowID, email: email, passwordHash: passwordHash, createdAt: now, verifiedAt: nil)
            try append(AuditEntry(at: now, actor: account.auditActor, action: "account.created", subject: email.key), in: db)
            return account
        }
    }

    public func account(email: EmailAddress) throws -> StoredAccount? {
        try pool.read { db in try accountRow(sql: "SELECT * FROM accounts WHERE email_key = ?", email.key, db: db) }
    }

    public func account(id: Int64) throws -> StoredAccount? {
        try pool.read { db in try accountRow(sql: "SELECT * FROM accounts WHERE id = ?", id, db: db) }
    }

    func accountRow(sql: String, _ key: some DatabaseValueConvertible, db: Database) throws -> StoredAccount? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [key]).map { try Self.account($0) }
    }

    static func account(_ row: Row) throws -> StoredAccount {
        let verified: Double? = row["verified_at"]
        return StoredAccount(id: row["id"], email: try EmailAddress.stored(row["email"], table: "accounts", key: row["id"]),
                             passwordHash: row["password_hash"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                             verifiedAt: verified.map(Date.init(timeIntervalSince1970:)))
    }

    public func issueAccountLink(accountID: Int64, purpose: AccountLinkPurpose, now: Date, lifetime: TimeInterval) throws -> String {
        let link = RandomSecret.generate(prefix: "lnk_")
        try pool.write { db in
            try db.execute(sql: "UPDATE account_links SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL",
                           arguments: [now.timeIntervalSince1970, accountID, purpose.rawValue])
            try db.execute(sql: "INSERT INTO account_links (sha256, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [AccessToken.digest(link), accountID, purpose.rawValue, now.timeIntervalSince1970,
                                       now.addingTimeInterval(lifetime).timeIntervalSince1970])
        }
        return link
    }

    public func verifyAccount(link: String, now: Date) throws -> StoredAccount? {
        try pool.write { db in
            guard let id = try spendLink(link, purpose: .verify, now: now, db: db) else { return nil }
            return try markVerified(id, by: nil, now: now, db: db)
        }
    }

    public func confirmAccount(id: Int64, now: Date) throws -> StoredAccount {
        try pool.write { db in
            guard let account = try markVerified(id, by: "organiser", now: now, db: db) else { throw StoreError.unknownAccount("#\(id)") }
            return account
        }
    }

    /// Marks the account verified (keeping an earlier time) and audits it, as the account's own act or `actor`'s.
    private func markVerified(_ id: Int64, by actor: String?, now: Date, db: Database) throws -> StoredAccount? {
        try db.execute(sql: "UPDATE accounts SET verified_at = COALESCE(verified_at, ?) WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
        guard let account = try accountRow(sql: "SELECT * FROM accounts WHERE id = ?", id, db: db) else { return nil }
        try append(AuditEntry(at: now, actor: actor ?? account.auditActor, action: "account.verified", subject: account.email.key), in: db)
        return account
    }

    public func resetPassword(link: String, passwordHash: String, now: Date) throws -> StoredAccount? {
        try pool.write { db in
            guard let id = try spendLink(link, purpose: .reset, now: now, db: db) else { return nil }
            let at = now.timeIntervalSince1970
            try db.execute(sql: "UPDATE accounts SET password_hash = ?, verified_at = COALESCE(verified_at, ?) WHERE id = ?",
                           arguments: [passwordHash, at, id])
            try db.execute(sql: "UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND purpose = 'browser' AND revoked_at IS NULL",
                           arguments: [at, id])
            try db.execute(sql: "UPDATE account_links SET used_at = ? WHERE account_id = ? AND used_at IS NULL", arguments: [at, id])
            let account = try accountRow(sql: "SELECT * FROM accounts WHERE id = ?", id, db: db)
            if let account { try append(AuditEntry(at: now, actor: account.auditActor, action: "account.password-reset", subject: account.email.key), in: db) }
            return account
        }
    }

    /// Marks a live link of the purpose used and returns its account; nil when there is none.
    private func spendLink(_ link: String, purpose: AccountLinkPurpose, now: Date, db: Database) throws -> Int64? {
        let digest = AccessToken.digest(link)
        guard let row = try Row.fetchOne(
            db, sql: "SELECT sha256, account_id FROM account_links WHERE sha256 = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
            arguments: [digest, purpose.rawValue, now.timeIntervalSince1970]),
            AccessToken.constantTimeEquals(row["sha256"], digest)
        else { return nil }
        try db.execute(sql: "UPDATE account_links SET used_at = ? WHERE sha256 = ?", arguments: [now.timeIntervalSince1970, digest])
        return row["account_id"]
    }

    public func openSession(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> WebSession {
        // The session stands on a token of its own whose secret nobody keeps: revoking it (a password reset) ends it.
        let token = AccessToken.generate()
        let session = try pool.write { db -> WebSession? in
            try db.execute(sql: "INSERT INTO tokens (sha256, role, account_id, purpose, created_at) VALUES (?, 'participant', ?, 'browser', ?)",
                           arguments: [AccessToken.digest(token), accountID, now.timeIntervalSince1970])
            return try openSession(token: token, now: now, lifetime: lifetime, in: db)
        }
        guard let session else { throw StoreError.unknownAccount("#\(accountID)") }
        return session
    }

    public func issueAccountToken(accountID: Int64, label: String?, now: Date) throws -> (record: TokenRecord, token: String) {
        let token = AccessToken.generate()
        let id = try pool.write { db in
            guard let account = try accountRow(sql: "SELECT * FROM accounts WHERE id = ?", accountID, db: db) else {
                throw StoreError.unknownAccount("#\(accountID)")
            }
            try db.execute(sql: "INSERT INTO tokens (sha256, role, account_id, purpose, label, created_at) VALUES (?, 'participant', ?, 'api', ?, ?)",
                           arguments: [AccessToken.digest(token), accountID, label, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            try append(AuditEntry(at: now, actor: account.auditActor, action: "token.issued", subject: "token #\(id)",
                                  detail: ["participant", label].compactMap { $0 }.joined(separator: " ")), in: db)
            return id
        }
        return (TokenRecord(id: id, role: .participant, team: nil, label: label, createdAt: now, revokedAt: nil), token)
    }

    public func accountTokens(accountID: Int64) throws -> [TokenRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, label, created_at, revoked_at FROM tokens WHERE account_id = ? AND purpose = 'api' ORDER BY id",
                             arguments: [accountID]).map { row in
                let revoked: Double? = row["revoked_at"]
                return TokenRecord(id: row["id"], role: .participant, team: nil, label: row["label"],
                                   createdAt: Date(timeIntervalSince1970: row["created_at"]), revokedAt: revoked.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func revokeAccountToken(_ id: Int64, accountID: Int64, now: Date) throws {
        try pool.write { db in
            guard let account = try accountRow(sql: "SELECT * FROM accounts WHERE id = ?", accountID, db: db) else {
                throw StoreError.unknownToken(id)
            }
            try db.execute(sql: "UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ? AND purpose = 'api'",
                           arguments: [now.timeIntervalSince1970, id, accountID])
            guard db.changesCount == 1 else { throw StoreError.unknownToken(id) }
            try append(AuditEntry(at: now, actor: account.auditActor, action: "token.revoked", subject: "token #\(id)"), in: db)
        }
    }
}
