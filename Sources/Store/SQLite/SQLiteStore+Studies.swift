import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult
    public func registerStudy(_ registration: StudyRegistration, now: Date) throws -> StoredStudy {
        try pool.write { db in
            let challenge = try challenge(registration.challenge, db: db)
            let at = now.timeIntervalSince1970
            let existing = try Int64.fetchOne(db, sql: "SELECT id FROM studies WHERE challenge_id = ? AND slug = ?",
                                              arguments: [challenge.id, registration.slug])
            if let existing {
                try db.execute(sql: "UPDATE studies SET spec_text = ?, spec_sha256 = ?, updated_at = ? WHERE id = ?",
                               arguments: [registration.specText, registration.specSHA256, at, existing])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO studies (challenge_id, slug, spec_text, spec_sha256, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [challenge.id, registration.slug, registration.specText, registration.specSHA256, at, at])
            }
            let study = try study(challengeID: challenge.id, slug: registration.slug, db: db)
            try putItems(registration.items, study: study, db: db)
            try append(AuditEntry(at: now, actor: "organiser", action: existing == nil ? "study.added" : "study.updated",
                                  challenge: study.challenge, subject: "study \(study.slug)", fileSHA256: study.specSHA256,
                                  detail: "\(registration.items.count) items"), in: db)
            return study
        }
    }

    public func study(challenge slug: String, slug study: String) throws -> StoredStudy {
        try pool.read { db in
            try self.study(challengeID: try challenge(slug, db: db).id, slug: study, db: db)
        }
    }

    public func studies(challenge slug: String) throws -> [StoredStudy] {
        try pool.read { db in
            let challenge = try challenge(slug, db: db)
            return try Row.fetchAll(db, sql: "\(Self.studyColumns) WHERE s.challenge_id = ? ORDER BY s.slug", arguments: [challenge.id])
                .map(StoredStudy.init(row:))
        }
    }

    public func addStudyItems(_ items: [StudyItem], to study: StoredStudy, now: Date) throws {
        try pool.write { db in try putItems(items, study: study, db: db) }
    }

    public func removeStudyItem(_ itemID: String, from study: StoredStudy, now: Date) throws {
        try pool.write { db in
            let item = try itemRef(itemID, study: study, db: db)
            let reads = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM study_reads WHERE item_ref = ?", arguments: [item]) ?? 0
            guard reads == 0 else { throw StoreError.studyItemHasReads(study: study.name, item: itemID, reads: reads) }
            let disputes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM study_disputes WHERE item_ref = ?", arguments: [item]) ?? 0
            guard disputes == 0 else { throw StudyItemRemoval.disputed(itemID, disputes: disputes, study: study) }
            try db.execute(sql: "DELETE FROM study_assignments WHERE item_ref = ?", arguments: [item])
            try db.execute(sql: "DELETE FROM study_items WHERE id = ?", arguments: [item])
            try append(AuditEntry(at: now, actor: "organiser", action: "study.item-removed", challenge: study.challenge,
                                  subject: "study \(study.slug) item \(itemID)"), in: db)
        }
    }

    public func studyItems(_ study: StoredStudy) throws -> [StudyItem] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT item_id, kind, description FROM study_items WHERE study_id = ? ORDER BY id",
                             arguments: [study.id])
                .map { StudyItem(itemID: $0["item_id"], kind: $0["kind"], description: $0["description"]) }
        }
    }

    @discardableResult
    public func addStudyReader(_ name: String, role: StudyReader.Role, tokenID: Int64, to study: StoredStudy, now: Date) throws -> StudyReader {
        let reader = StudyReader(name: name, role: role, tokenID: tokenID)
        return try pool.write { db in
            let token = try Row.fetchOne(db, sql: "SELECT role, revoked_at FROM tokens WHERE id = ?", arguments: [tokenID])
            guard let token else { throw StoreError.unknownToken(tokenID) }
            let bound = try boundReaders(name: name, tokenID: tokenID, study: study, db: db)
            let revoked: Double? = token["revoked_at"]
            guard try StudyReaderBinding.isNew(reader, tokenRole: token["role"], revoked: revoked != nil, bound: bound, study: study)
            else { return reader }
            try db.execute(sql: "INSERT INTO study_readers (study_id, name, role, token_id, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [study.id, name, role.rawValue, tokenID, now.timeIntervalSince1970])
            try append(AuditEntry(at: now, actor: "organiser", action: "study.reader-added", challenge: study.challenge,
                                  subject: "study \(study.slug) \(role.rawValue) \(name)", detail: "token #\(tokenID)"), in: db)
            return reader
        }
    }

    public func studyReaders(_ study: StoredStudy) throws -> [StudyReader] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, token_id FROM study_readers WHERE study_id = ? ORDER BY name", arguments: [study.id])
                .map(StudyReader.init(row:))
        }
    }

    public func studyReader(tokenID: Int64, in study: StoredStudy) throws -> StudyReader? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT name, role, token_id FROM study_readers WHERE study_id = ? AND token_id = ?",
                             arguments: [study.id, tokenID]).map(StudyReader.init(row:))
        }
    }

    static let studyColumns = """
        SELECT s.id, s.challenge_id, c.slug AS challenge, s.slug, s.spec_text, s.spec_sha256, s.created_at, s.updated_at
        FROM studies s JOIN challenges c ON c.id = s.challenge_id
        """

    private func study(challengeID: Int64, slug: String, db: Database) throws -> StoredStudy {
        guard let row = try Row.fetchOne(db, sql: "\(Self.studyColumns) WHERE s.challenge_id = ? AND s.slug = ?",
                                         arguments: [challengeID, slug])
        else { throw StoreError.unknownStudy(challenge: try challengeSlug(id: challengeID, db: db), study: slug) }
        return StoredStudy(row: row)
    }

    private func challengeSlug(id: Int64, db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT slug FROM challenges WHERE id = ?", arguments: [id]) ?? "#\(id)"
    }

    /// Adds new items and updates changed ones that have no reads.
    private func putItems(_ items: [StudyItem], study: StoredStudy, db: Database) throws {
        for item in items {
            let row = try Row.fetchOne(db, sql: "SELECT id, kind, description FROM study_items WHERE study_id = ? AND item_id = ?",
                                       arguments: [study.id, item.itemID])
            guard let row else {
                try db.execute(sql: "INSERT INTO study_items (study_id, item_id, kind, description) VALUES (?, ?, ?, ?)",
                               arguments: [study.id, item.itemID, item.kind, item.description])
                continue
            }
            guard row["kind"] != item.kind || row["description"] != item.description else { continue }
            let ref: Int64 = row["id"]
            let reads = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM study_reads WHERE item_ref = ?", arguments: [ref]) ?? 0
            guard reads == 0 else { throw StoreError.studyItemHasReads(study: study.name, item: item.itemID, reads: reads) }
            try db.execute(sql: "UPDATE study_items SET kind = ?, description = ? WHERE id = ?", arguments: [item.kind, item.description, ref])
        }
    }

    /// The readers of the study bound to `name` or to `tokenID`.
    private func boundReaders(name: String, tokenID: Int64, study: StoredStudy, db: Database) throws -> [StudyReader] {
        try Row.fetchAll(db, sql: "SELECT name, role, token_id FROM study_readers WHERE study_id = ? AND (name = ? OR token_id = ?)",
                         arguments: [study.id, name, tokenID]).map(StudyReader.init(row:))
    }

    func itemRef(_ itemID: String, study: StoredStudy, db: Database) throws -> Int64 {
        guard let ref = try Int64.fetchOne(db, sql: "SELECT id FROM study_items WHERE study_id = ? AND item_id = ?",
                                           arguments: [study.id, itemID])
        else { throw StoreError.unknownStudyItem(study: study.name, item: itemID) }
        return ref
    }

    func readerRef(_ name: String, role: StudyReader.Role, study: StoredStudy, db: Database) throws -> Int64 {
        guard let ref = try Int64.fetchOne(db, sql: "SELECT id FROM study_readers WHERE study_id = ? AND name = ? AND role = ?",
                                           arguments: [study.id, name, role.rawValue])
        else { throw StoreError.unknownStudyReader(study: study.name, reader: name, role: role.rawValue) }
        return ref
    }
}

extension StoredStudy {
    init(row: Row) {
        self.init(id: row["id"], challengeID: row["challenge_id"], challenge: row["challenge"], slug: row["slug"],
                  specText: row["spec_text"], specSHA256: row["spec_sha256"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                  updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }
}

extension StudyReader {
    init(row: Row) {
        self.init(name: row["name"], role: Role(rawValue: row["role"]) ?? .reader, tokenID: row["token_id"])
    }
}
