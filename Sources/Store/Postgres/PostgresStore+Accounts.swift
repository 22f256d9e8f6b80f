import Foundation
import PostgresNIO

extension PostgresStore {
    /// The address is unique by the table's key, so two sign-ups with the same address at once create one account.
    public func createAccount(email: EmailAddress, passwordHash: String, now: Date) throws -> StoredAccount? {
        try write { connection in
            guard let row = try await connection.row(
                """
                INSERT INTO accounts (email, email_key, password_hash, created_at)
                VALUES (\(email.text), \(email.key), \(passwordHash), \(now.timeIntervalSince1970))
                ON CONFLICT (email_key) DO NOTHING RETURNING id
                """, logger: self.logger)
            else { return nil }
            let account = StoredAccount(id: try row.get("id"), email: email, passwordHash: passwordHash, createdAt: now, verifiedAt: nil)
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "account.created", subject: email.key),
                                  on: connection)
            return account
        }
    }

    public func account(email: EmailAddress) throws -> StoredAccount? {
        try read { connection in
            try await connection.row("SELECT * FROM accounts WHERE email_key = \(email.key)", logger: self.logger).map(Self.account)
        }
    }

    public func account(id: Int64) throws -> StoredAccount? {
        try read { connection in try await self.accountRow(id: id, on: connection) }
    }

    func accountRow(id: Int64, on connection: PostgresConnection) async throws -> StoredAccount? {
        try await connection.row("SELECT * FROM accounts WHERE id = \(id)", logger: logger).map(Self.account)
    }

    /// The account's row, locked until the transaction ends (`FOR NO KEY UPDATE`: rows that refer to it can still be
    /// inserted): changes to one account's links, requests and teams are serialised, as SQLite's single writer does.
    func lockedAccountRow(id: Int64, on connection: PostgresConnection) async throws -> StoredAccount? {
        try await connection.row("SELECT * FROM accounts WHERE id = \(id) FOR NO KEY UPDATE", logger: logger).map(Self.account)
    }

    static func account(_ row: PostgresRandomAccessRow) throws -> StoredAccount {
        let verified: Double? = try row.get("verified_at")
        return StoredAccount(id: try row.get("id"), email: try EmailAddress.stored(try row.get("email"), table: "accounts", key: try row.get("id")),
                             passwordHash: try row.get("password_hash"), createdAt: Date(timeIntervalSince1970: try row.get("created_at")),
                             verifiedAt: verified.map(Date.init(timeIntervalSince1970:)))
    }

    public func issueAccountLink(accountID: Int64, purpose: AccountLinkPurpose, now: Date, lifetime: TimeInterval) throws -> String {
        let link = RandomSecret.generate(prefix: "lnk_")
        let at = now.timeIntervalSince1970
        try write { connection in
            // Two links issued at once: the second waits, then ends the first, so one link of a purpose stays live.
            _ = try await self.lockedAccountRow(id: accountID, on: connection)
            try await connection.execute(
                """
                UPDATE account_links SET used_at = \(at)
                WHERE account_id = \(accountID) AND purpose = \(purpose.rawValue) AND used_at IS NULL
                """, logger: self.logger)
            try await connection.execute(
                """
                INSERT INTO account_links (sha256, account_id, purpose, created_at, expires_at)
                VALUES (\(AccessToken.digest(link)), \(accountID), \(purpose.rawValue), \(at), \(now.addingTimeInterval(lifetime).timeIntervalSince1970))
                """, logger: self.logger)
        }
        return link
    }

    public func verifyAccount(link: String, now: Date) throws -> StoredAccount? {
        try write { connection in
            guard let id = try await self.spendLink(link, purpose: .verify, now: now, on: connection) else { return nil }
            return try await self.markVerified(id, by: nil, now: now, on: connection)
        }
    }

    public func confirmAccount(id: Int64, now: Date) throws -> StoredAccount {
        try write { connection in
            guard let account = try await self.markVerified(id, by: "organiser", now: now, on: connection) else {
                throw StoreError.unknownAccount("#\(id)")
            }
            return account
        }
    }

    /// Marks the account verified (keeping an earlier time) and audits it, as the account's own act or `actor`'s.
    private func markVerified(_ id: Int64, by actor: String?, now: Date, on connection: PostgresConnection) async throws -> StoredAccount? {
        try await connection.execute(
            "UPDATE accounts SET verified_at = COALESCE(verified_at, \(now.timeIntervalSince1970)) WHERE id = \(id)", logger: logger)
        guard let account = try await accountRow(id: id, on: connection) else { return nil }
        try await append(AuditEntry(at: now, actor: actor ?? account.auditActor, action: "account.verified", subject: account.email.key),
                         on: connection)
        return account
    }

    public func resetPassword(link: String, passwordHash: String, now: Date) throws -> StoredAccount? {
        try write { connection in
            guard let id = try await self.spendLink(link, purpose: .reset, now: now, on: connection) else { return nil }
            let at = now.timeIntervalSince1970
            try await connection.execute(
                "UPDATE accounts SET password_hash = \(passwordHash), verified_at = COALESCE(verified_at, \(at)) WHERE id = \(id)",
                logger: self.logger)
            try await connection.execute(
                "UPDATE tokens SET revoked_at = \(at) WHERE account_id = \(id) AND purpose = 'browser' AND revoked_at IS NULL",
                logger: self.logger)
            try await connection.execute(
                "UPDATE account_links SET used_at = \(at) WHERE account_id = \(id) AND used_at IS NULL", logger: self.logger)
            let account = try await self.accountRow(id: id, on: connection)
            if let account {
                try await self.append(
                    AuditEntry(at: now, actor: account.auditActor, action: "account.password-reset", subject: account.email.key),
                    on: connection)
            }
            return account
        }
    }

    /// Marks a live link of the purpose used and returns its account; nil when there is none. The link's row is locked
    /// as it is read: a second use at the same moment waits, then finds it spent.
    private func spendLink(_ link: String, purpose: AccountLinkPurpose, now: Date, on connection: PostgresConnection) async throws -> Int64? {
        let digest = AccessToken.digest(link)
        guard let row = try await connection.row(
            """
            SELECT sha256, account_id FROM account_links
            WHERE sha256 = \(digest) AND purpose = \(purpose.rawValue) AND used_at IS NULL AND expires_at > \(now.timeIntervalSince1970)
            FOR UPDATE
            """, logger: logger),
            AccessToken.constantTimeEquals(try row.get("sha256"), digest)
        else { return nil }
        try await connection.execute(
            "UPDATE account_links SET used_at = \(now.timeIntervalSince1970) WHERE sha256 = \(digest)", logger: logger)
        return try row.get("account_id", as: Int64.self)
    }

    public func openSession(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> WebSession {
        // The session stands on a token of its own whose secret nobody keeps: revoking it (a password reset) ends it.
        let token = AccessToken.generate()
        let session = try write { connection -> WebSession? in
            try await connection.execute(
                """
                INSERT INTO tokens (sha256, role, account_id, purpose, created_at)
                VALUES (\(AccessToken.digest(token)), 'participant', \(accountID), 'browser', \(now.timeIntervalSince1970))
                """, logger: self.logger)
            return try await self.openSession(token: token, now: now, lifetime: lifetime, on: connection)
        }
        guard let session else { throw StoreError.unknownAccount("#\(accountID)") }
        return session
    }

    public func issueAccountToken(accountID: Int64, label: String?, now: Date) throws -> (record: TokenRecord, token: String) {
        let token = AccessToken.generate()
        let id: Int64 = try write { connection in
            guard let account = try await self.accountRow(id: accountID, on: connection) else {
                throw StoreError.unknownAccount("#\(accountID)")
            }
            guard let row = try await connection.row(
                """
                INSERT INTO tokens (sha256, role, account_id, purpose, label, created_at)
                VALUES (\(AccessToken.digest(token)), 'participant', \(accountID), 'api', \(label), \(now.timeIntervalSince1970))
                RETURNING id
                """, logger: self.logger)
            else { throw PostgresStoreError.raced("the new token's id did not come back") }
            let id: Int64 = try row.get("id")
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "token.issued", subject: "token #\(id)",
                                             detail: ["participant", label].compactMap { $0 }.joined(separator: " ")),
                                  on: connection)
            return id
        }
        return (TokenRecord(id: id, role: .participant, team: nil, label: label, createdAt: now, revokedAt: nil), token)
    }

    public func accountTokens(accountID: Int64) throws -> [TokenRecord] {
        try read { connection in
            try await connection.rows(
                "SELECT id, label, created_at, revoked_at FROM tokens WHERE account_id = \(accountID) AND purpose = 'api' ORDER BY id",
                logger: self.logger
            ).map { row in
                let revoked: Double? = try row.get("revoked_at")
                return TokenRecord(id: try row.get("id"), role: .participant, team: nil, label: try row.get("label"),
                                   createdAt: Date(timeIntervalSince1970: try row.get("created_at")),
                                   revokedAt: revoked.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func revokeAccountToken(_ id: Int64, accountID: Int64, now: Date) throws {
        try write { connection in
            guard let account = try await self.accountRow(id: accountID, on: connection) else { throw StoreError.unknownToken(id) }
            let updated = try await connection.rows(
                """
                UPDATE tokens SET revoked_at = COALESCE(revoked_at, \(now.timeIntervalSince1970))
                WHERE id = \(id) AND account_id = \(accountID) AND purpose = 'api' RETURNING id
                """, logger: self.logger)
            guard updated.count == 1 else { throw StoreError.unknownToken(id) }
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "token.revoked", subject: "token #\(id)"),
                                  on: connection)
        }
    }
}
