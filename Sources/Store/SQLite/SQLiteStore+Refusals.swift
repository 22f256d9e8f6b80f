import Foundation
import GRDB

extension SQLiteStore {
    public func recordRefusal(phase: StoredPhase, team: StoredTeam, code: String, message: String, now: Date) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO upload_refusals (phase_id, team_id, code, count, last_at, last_message) VALUES (?, ?, ?, 1, ?, ?)
                    ON CONFLICT (phase_id, team_id, code) DO UPDATE SET count = count + 1, last_at = excluded.last_at,
                        last_message = excluded.last_message
                    """,
                arguments: [phase.id, team.id, code, now.timeIntervalSince1970, String(message.prefix(2000))])
        }
    }

    public func refusals(challenge: StoredChallenge) throws -> [UploadRefusal] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.slug, t.name, r.code, r.count, r.last_at, r.last_message FROM upload_refusals r
                    JOIN phases p ON p.id = r.phase_id JOIN teams t ON t.id = r.team_id
                    WHERE p.challenge_id = ? ORDER BY r.last_at DESC
                    """,
                arguments: [challenge.id]
            ).map {
                UploadRefusal(phase: $0["slug"], team: $0["name"], code: $0["code"], count: $0["count"],
                              lastAt: Date(timeIntervalSince1970: $0["last_at"]), lastMessage: $0["last_message"])
            }
        }
    }
}
