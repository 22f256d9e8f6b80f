import Foundation
import GRDB

extension SQLiteStore {
    /// Every published snapshot of a challenge, oldest first.
    public func snapshots(challenge slug: String) throws -> [SignedSnapshot] {
        try pool.read { db in
            let challenge = try challenge(slug, db: db)
            return try Row.fetchAll(db, sql: "SELECT * FROM leaderboard_snapshots WHERE challenge_id = ? ORDER BY sequence",
                                    arguments: [challenge.id]).map {
                SignedSnapshot(sequence: $0["sequence"], canonical: $0["canonical"], sha256: $0["sha256"], signature: $0["signature"])
            }
        }
    }

    /// Appends the next snapshot; refused if another was appended meanwhile (its sequence must be next).
    public func appendSnapshot(_ snapshot: SignedSnapshot, challenge slug: String, now: Date) throws {
        try pool.write { db in
            let challenge = try challenge(slug, db: db)
            let last = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM leaderboard_snapshots WHERE challenge_id = ?", arguments: [challenge.id]) ?? 0
            guard snapshot.sequence == last + 1 else {
                throw StoreError.invalidSpecChange(challenge: slug, reason: "snapshot \(snapshot.sequence) does not follow \(last)")
            }
            try db.execute(sql: "INSERT INTO leaderboard_snapshots (challenge_id, sequence, canonical, sha256, signature) VALUES (?, ?, ?, ?, ?)",
                           arguments: [challenge.id, snapshot.sequence, snapshot.canonical, snapshot.sha256, snapshot.signature])
            try append(AuditEntry(at: now, actor: "organiser", action: "leaderboard.published", challenge: slug,
                                  detail: "snapshot \(snapshot.sequence) sha256 \(snapshot.sha256)"), in: db)
        }
    }
}
