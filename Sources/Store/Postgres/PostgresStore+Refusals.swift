import Foundation
import PostgresNIO

extension PostgresStore {
    public func recordRefusal(phase: StoredPhase, team: StoredTeam, code: String, message: String, now: Date) throws {
        try write { connection in
            try await connection.execute(
                """
                INSERT INTO upload_refusals (phase_id, team_id, code, count, last_at, last_message)
                VALUES (\(phase.id), \(team.id), \(code), 1, \(now.timeIntervalSince1970), \(String(message.prefix(2000))))
                ON CONFLICT (phase_id, team_id, code) DO UPDATE SET count = upload_refusals.count + 1, last_at = excluded.last_at,
                    last_message = excluded.last_message
                """, logger: self.logger)
        }
    }

    public func refusals(challenge: StoredChallenge) throws -> [UploadRefusal] {
        try read { connection in
            try await connection.rows(
                """
                SELECT p.slug, t.name, r.code, r.count, r.last_at, r.last_message FROM upload_refusals r
                JOIN phases p ON p.id = r.phase_id JOIN teams t ON t.id = r.team_id
                WHERE p.challenge_id = \(challenge.id) ORDER BY r.last_at DESC
                """, logger: self.logger
            ).map {
                UploadRefusal(phase: try $0.get("slug"), team: try $0.get("name"), code: try $0.get("code"), count: Int(try $0.get("count", as: Int64.self)),
                              lastAt: Date(timeIntervalSince1970: try $0.get("last_at")), lastMessage: try $0.get("last_message"))
            }
        }
    }
}
