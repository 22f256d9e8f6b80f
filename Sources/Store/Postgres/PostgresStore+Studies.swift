import Foundation
import PostgresNIO

extension PostgresStore {
    /// Two registrations of one study at once take turns on the study's row (the upsert locks it).
    @discardableResult
    public func registerStudy(_ registration: StudyRegistration, now: Date) throws -> StoredStudy {
        try write { connection in
            let challenge = try await self.challenge(registration.challenge, on: connection)
            let at = now.timeIntervalSince1970
            guard let row = try await connection.row(
                """
                INSERT INTO studies (challenge_id, slug, spec_text, spec_sha256, created_at, updated_at)
                VALUES (\(challenge.id), \(registration.slug), \(registration.specText), \(registration.specSHA256), \(at), \(at))
                ON CONFLICT (challenge_id, slug) DO UPDATE SET spec_text = excluded.spec_text, spec_sha256 = excluded.spec_sha256,
                    updated_at = excluded.updated_at
                RETURNING (xmax = 0) AS added
                """, logger: self.logger)
            else { throw PostgresStoreError.raced("the study's row did not come back") }
            let added: Bool = try row.get("added")
            let study = try await self.study(challengeID: challenge.id, slug: registration.slug, on: connection)
            try await self.putItems(registration.items, study: study, on: connection)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: added ? "study.added" : "study.updated",
                                             challenge: study.challenge, subject: "study \(study.slug)", fileSHA256: study.specSHA256,
                                             detail: "\(registration.items.count) items"), on: connection)
            return study
        }
    }

    public func study(challenge slug: String, slug study: String) throws -> StoredStudy {
        try read { connection in
            try await self.study(challengeID: try await self.challenge(slug, on: connection).id, slug: study, on: connection)
        }
    }

    public func studies(challenge slug: String) throws -> [StoredStudy] {
        try read { connection in
            let challenge = try await self.challenge(slug, on: connection)
            return try await connection.rows("\(unescaped: Self.studyColumns) WHERE s.challenge_id = \(challenge.id) ORDER BY s.slug",
                                             logger: self.logger).map(StoredStudy.init(row:))
        }
    }

    public func addStudyItems(_ items: [StudyItem], to study: StoredStudy, now: Date) throws {
        try write { connection in try await self.putItems(items, study: study, on: connection) }
    }

    /// The item's assignments are locked first, so a read being appended to one of them either commits before the
    /// count (and the removal is refused) or waits and then finds its assignment gone.
    public func removeStudyItem(_ itemID: String, from study: StoredStudy, now: Date) throws {
        try write { connection in
            let item = try await self.itemRef(itemID, study: study, on: connection)
            try await connection.execute("SELECT id FROM study_assignments WHERE item_ref = \(item) FOR UPDATE", logger: self.logger)
            let reads = try await self.readCount(item: item, on: connection)
            guard reads == 0 else { throw StoreError.studyItemHasReads(study: study.name, item: itemID, reads: reads) }
            let disputes = try await connection.row(
                "SELECT COUNT(*) AS n FROM study_disputes WHERE item_ref = \(item)", logger: self.logger)?.get("n", as: Int.self) ?? 0
            guard disputes == 0 else { throw StudyItemRemoval.disputed(itemID, disputes: disputes, study: study) }
            try await connection.execute("DELETE FROM study_assignments WHERE item_ref = \(item)", logger: self.logger)
            try await connection.execute("DELETE FROM study_items WHERE id = \(item)", logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "study.item-removed", challenge: study.challenge,
                                             subject: "study \(study.slug) item \(itemID)"), on: connection)
        }
    }

    public func studyItems(_ study: StoredStudy) throws -> [StudyItem] {
        try read { connection in
            try await connection.rows(
                "SELECT item_id, kind, description FROM study_items WHERE study_id = \(study.id) ORDER BY id", logger: self.logger
            ).map { StudyItem(itemID: try $0.get("item_id"), kind: try $0.get("kind"), description: try $0.get("description")) }
        }
    }

    /// The token's row is locked (FOR SHARE), so it cannot be revoked while it is being bound.
    @discardableResult
    public func addStudyReader(_ name: String, role: StudyReader.Role, tokenID: Int64, to study: StoredStudy, now: Date) throws -> StudyReader {
        let reader = StudyReader(name: name, role: role, tokenID: tokenID)
        return try write { connection in
            guard let token = try await connection.row(
                "SELECT role, revoked_at FROM tokens WHERE id = \(tokenID) FOR SHARE", logger: self.logger)
            else { throw StoreError.unknownToken(tokenID) }
            let bound = try await connection.rows(
                """
                SELECT name, role, token_id FROM study_readers
                WHERE study_id = \(study.id) AND (name = \(name) OR token_id = \(tokenID))
                """, logger: self.logger
            ).map(StudyReader.init(row:))
            let revoked: Double? = try token.get("revoked_at")
            guard try StudyReaderBinding.isNew(reader, tokenRole: try token.get("role"), revoked: revoked != nil, bound: bound, study: study)
            else { return reader }
            try await connection.execute(
                """
                INSERT INTO study_readers (study_id, name, role, token_id, created_at)
                VALUES (\(study.id), \(name), \(role.rawValue), \(tokenID), \(now.timeIntervalSince1970))
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "study.reader-added", challenge: study.challenge,
                                             subject: "study \(study.slug) \(role.rawValue) \(name)", detail: "token #\(tokenID)"),
                                  on: connection)
            return reader
        }
    }

    public func studyReaders(_ study: StoredStudy) throws -> [StudyReader] {
        try read { connection in
            try await connection.rows(
                "SELECT name, role, token_id FROM study_readers WHERE study_id = \(study.id) ORDER BY name", logger: self.logger
            ).map(StudyReader.init(row:))
        }
    }

    public func studyReader(tokenID: Int64, in study: StoredStudy) throws -> StudyReader? {
        try read { connection in
            try await connection.row(
                "SELECT name, role, token_id FROM study_readers WHERE study_id = \(study.id) AND token_id = \(tokenID)", logger: self.logger
            ).map(StudyReader.init(row:))
        }
    }

    static let studyColumns = """
        SELECT s.id, s.challenge_id, c.slug AS challenge, s.slug, s.spec_text, s.spec_sha256, s.created_at, s.updated_at
        FROM studies s JOIN challenges c ON c.id = s.challenge_id
        """

    private func study(challengeID: Int64, slug: String, on connection: PostgresConnection) async throws -> StoredStudy {
        guard let row = try await connection.row(
            "\(unescaped: Self.studyColumns) WHERE s.challenge_id = \(challengeID) AND s.slug = \(slug)", logger: logger)
        else {
            let challenge = try await connection.row("SELECT slug FROM challenges WHERE id = \(challengeID)", logger: logger)
            throw StoreError.unknownStudy(challenge: try challenge?.get("slug", as: String.self) ?? "#\(challengeID)", study: slug)
        }
        return try StoredStudy(row: row)
    }

    /// Adds new items and updates changed ones that have no reads.
    private func putItems(_ items: [StudyItem], study: StoredStudy, on connection: PostgresConnection) async throws {
        for item in items {
            guard let row = try await connection.row(
                """
                INSERT INTO study_items (study_id, item_id, kind, description) VALUES (\(study.id), \(item.itemID), \(item.kind), \(item.description))
                ON CONFLICT (study_id, item_id) DO UPDATE SET kind = study_items.kind
                RETURNING id, kind, description
                """, logger: logger)
            else { throw PostgresStoreError.raced("the study item's row did not come back") }
            guard try row.get("kind", as: String.self) != item.kind || row.get("description", as: String.self) != item.description
            else { continue }
            let ref: Int64 = try row.get("id")
            let reads = try await readCount(item: ref, on: connection)
            guard reads == 0 else { throw StoreError.studyItemHasReads(study: study.name, item: item.itemID, reads: reads) }
            try await connection.execute(
                "UPDATE study_items SET kind = \(item.kind), description = \(item.description) WHERE id = \(ref)", logger: logger)
        }
    }

    private func readCount(item: Int64, on connection: PostgresConnection) async throws -> Int {
        try await connection.row("SELECT COUNT(*) AS n FROM study_reads WHERE item_ref = \(item)", logger: logger)?.get("n", as: Int.self) ?? 0
    }

    func itemRef(_ itemID: String, study: StoredStudy, on connection: PostgresConnection) async throws -> Int64 {
        guard let row = try await connection.row(
            "SELECT id FROM study_items WHERE study_id = \(study.id) AND item_id = \(itemID)", logger: logger)
        else { throw StoreError.unknownStudyItem(study: study.name, item: itemID) }
        return try row.get("id")
    }

    func readerRef(_ name: String, role: StudyReader.Role, study: StoredStudy, on connection: PostgresConnection) async throws -> Int64 {
        guard let row = try await connection.row(
            "SELECT id FROM study_readers WHERE study_id = \(study.id) AND name = \(name) AND role = \(role.rawValue)", logger: logger)
        else { throw StoreError.unknownStudyReader(study: study.name, reader: name, role: role.rawValue) }
        return try row.get("id")
    }
}

extension StoredStudy {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.get("id"), challengeID: try row.get("challenge_id"), challenge: try row.get("challenge"),
                  slug: try row.get("slug"), specText: try row.get("spec_text"), specSHA256: try row.get("spec_sha256"),
                  createdAt: Date(timeIntervalSince1970: try row.get("created_at")),
                  updatedAt: Date(timeIntervalSince1970: try row.get("updated_at")))
    }
}

extension StudyReader {
    init(row: PostgresRandomAccessRow) throws {
        self.init(name: try row.get("name"), role: Role(rawValue: try row.get("role")) ?? .reader, tokenID: try row.get("token_id"))
    }
}
