import Foundation
import PostgresNIO

extension PostgresStore {
    /// Every published snapshot of a challenge, oldest first.
    public func snapshots(challenge slug: String) throws -> [SignedSnapshot] {
        try read { connection in
            let challenge = try await self.challenge(slug, on: connection)
            return try await connection.rows(
                "SELECT * FROM leaderboard_snapshots WHERE challenge_id = \(challenge.id) ORDER BY sequence", logger: self.logger
            ).map {
                SignedSnapshot(sequence: Int(try $0.get("sequence", as: Int64.self)), canonical: try $0.get("canonical"),
                               sha256: try $0.get("sha256"), signature: try $0.get("signature"))
            }
        }
    }

    /// Appends the next snapshot; refused if another was appended meanwhile (its sequence must be next). The
    /// challenge's row is locked so two publishers take turns; the primary key refuses a duplicate sequence anyway.
    public func appendSnapshot(_ snapshot: SignedSnapshot, challenge slug: String, now: Date) throws {
        try write { connection in
            let challenge = try await self.challenge(slug, on: connection)
            try await connection.execute("SELECT id FROM challenges WHERE id = \(challenge.id) FOR UPDATE", logger: self.logger)
            let last = try await connection.row(
                "SELECT COALESCE(MAX(sequence), 0) AS last FROM leaderboard_snapshots WHERE challenge_id = \(challenge.id)",
                logger: self.logger)?.get("last", as: Int64.self) ?? 0
            guard snapshot.sequence == last + 1 else {
                throw StoreError.invalidSpecChange(challenge: slug, reason: "snapshot \(snapshot.sequence) does not follow \(last)")
            }
            try await connection.execute(
                """
                INSERT INTO leaderboard_snapshots (challenge_id, sequence, canonical, sha256, signature)
                VALUES (\(challenge.id), \(Int64(snapshot.sequence)), \(snapshot.canonical), \(snapshot.sha256), \(snapshot.signature))
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "leaderboard.published", challenge: slug,
                                             detail: "snapshot \(snapshot.sequence) sha256 \(snapshot.sha256)"), on: connection)
        }
    }
}
