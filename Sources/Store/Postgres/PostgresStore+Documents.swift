import Foundation
import PostgresNIO

extension PostgresStore {
    @discardableResult
    public func setDocument(_ name: ChallengeDocument.Name, markdown: String, challenge slug: String, now: Date) throws -> Bool {
        let digest = ContentDigest.sha256(markdown.utf8)
        return try write { connection in
            guard let challenge = try await connection.row("SELECT id FROM challenges WHERE slug = \(slug)", logger: self.logger)
            else { throw StoreError.unknownChallenge(slug) }
            let challengeID: Int64 = try challenge.get("id")
            let current = try await connection.row(
                "SELECT sha256 FROM challenge_documents WHERE challenge_id = \(challengeID) AND name = \(name.rawValue)", logger: self.logger)
            guard try current?.get("sha256", as: String.self) != digest else { return false }
            try await connection.execute(
                """
                INSERT INTO challenge_documents (challenge_id, name, markdown, sha256, updated_at)
                VALUES (\(challengeID), \(name.rawValue), \(markdown), \(digest), \(now.timeIntervalSince1970))
                ON CONFLICT (challenge_id, name) DO UPDATE SET markdown = excluded.markdown, sha256 = excluded.sha256,
                    updated_at = excluded.updated_at
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "document.updated", challenge: slug,
                                             subject: name.rawValue, fileSHA256: digest), on: connection)
            return true
        }
    }

    public func document(_ name: ChallengeDocument.Name, challenge slug: String) throws -> ChallengeDocument? {
        try read { connection in
            try await connection.row(
                """
                SELECT d.markdown, d.sha256, d.updated_at FROM challenge_documents d JOIN challenges c ON c.id = d.challenge_id
                WHERE c.slug = \(slug) AND d.name = \(name.rawValue)
                """, logger: self.logger
            ).map {
                ChallengeDocument(name: name, markdown: try $0.get("markdown"), sha256: try $0.get("sha256"),
                                  updatedAt: Date(timeIntervalSince1970: try $0.get("updated_at")))
            }
        }
    }
}
