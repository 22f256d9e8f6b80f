import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult
    public func setDocument(_ name: ChallengeDocument.Name, markdown: String, challenge slug: String, now: Date) throws -> Bool {
        let digest = ContentDigest.sha256(markdown.utf8)
        return try pool.write { db in
            guard let challengeID = try Int64.fetchOne(db, sql: "SELECT id FROM challenges WHERE slug = ?", arguments: [slug])
            else { throw StoreError.unknownChallenge(slug) }
            let current = try String.fetchOne(db, sql: "SELECT sha256 FROM challenge_documents WHERE challenge_id = ? AND name = ?",
                                              arguments: [challengeID, name.rawValue])
            guard current != digest else { return false }
            try db.execute(
                sql: """
                    INSERT INTO challenge_documents (challenge_id, name, markdown, sha256, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (challenge_id, name) DO UPDATE SET markdown = excluded.markdown, sha256 = excluded.sha256,
                        updated_at = excluded.updated_at
                    """,
                arguments: [challengeID, name.rawValue, markdown, digest, now.timeIntervalSince1970])
            try append(AuditEntry(at: now, actor: "organiser", action: "document.updated", challenge: slug, subject: name.rawValue,
                                  fileSHA256: digest), in: db)
            return true
        }
    }

    public func document(_ name: ChallengeDocument.Name, challenge slug: String) throws -> ChallengeDocument? {
        try pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT d.markdown, d.sha256, d.updated_at FROM challenge_documents d JOIN challenges c ON c.id = d.challenge_id
                    WHERE c.slug = ? AND d.name = ?
                    """,
                arguments: [slug, name.rawValue]
            ).map { ChallengeDocument(name: name, markdown: $0["markdown"], sha256: $0["sha256"], updatedAt: Date(timeIntervalSince1970: $0["updated_at"])) }
        }
    }
}
