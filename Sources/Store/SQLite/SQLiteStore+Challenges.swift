import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// Registers a challenge or updates its spec; phases are matched by slug. Returns whether it was new.
    /// A phase's ranking rule is fixed once the phase opens: changing it then is refused unless `force`,
    /// and a forced change is written to the audit log (the leaderboard shows it).
    @discardableResult
    public func registerChallenge(_ spec: ChallengeSpec, now: Date, force: Bool) throws -> Bool {
        let json = String(decoding: try JSONEncoder.sorted.encode(spec), as: UTF8.self)
        let digest = ContentDigest.sha256(Array(json.utf8))
        return try pool.write { db in
            let existing = try Int64.fetchOne(db, sql: "SELECT id FROM challenges WHERE slug = ?", arguments: [spec.slug])
            let challengeID: Int64
            if let existing {
                try checkRankingChanges(challengeID: existing, spec: spec, now: now, force: force, db: db)
                try db.execute(
                    sql: "UPDATE challenges SET title = ?, spec_json = ?, spec_sha256 = ?, updated_at = ? WHERE id = ?",
                    arguments: [spec.title, json, digest, now.timeIntervalSince1970, existing])
                challengeID = existing
                try removeDroppedPhases(challengeID, keeping: spec, db: db)
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO challenges (slug, title, spec_json, spec_sha256, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [spec.slug, spec.title, json, digest, now.timeIntervalSince1970, now.timeIntervalSince1970])
                challengeID = db.lastInsertedRowID
            }
            for phase in spec.phases {
                try db.execute(
                    sql: "INSERT INTO phases (challenge_id, slug) VALUES (?, ?) ON CONFLICT (challenge_id, slug) DO NOTHING",
                    arguments: [challengeID, phase.slug])
            }
            try append(AuditEntry(at: now, actor: "organiser", action: existing == nil ? "challenge.added" : "challenge.updated",
                                  challenge: spec.slug, fileSHA256: digest), in: db)
            return existing == nil
        }
    }

    private func checkRankingChanges(challengeID: Int64, spec: ChallengeSpec, now: Date, force: Bool, db: Database) throws {
        guard let json = try String.fetchOne(db, sql: "SELECT spec_json FROM challenges WHERE id = ?", arguments: [challengeID]) else { return }
        for entry in try RankingChanges.audited(storedJSON: json, spec: spec, now: now, force: force) { try append(entry, in: db) }
    }

    private func removeDroppedPhases(_ challengeID: Int64, keeping spec: ChallengeSpec, db: Database) throws {
        let stored = try Row.fetchAll(db, sql: "SELECT id, slug FROM phases WHERE challenge_id = ?", arguments: [challengeID])
        for row in stored where spec.phase(row["slug"]) == nil {
            let phaseID: Int64 = row["id"]
            let submissions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submissions WHERE phase_id = ?", arguments: [phaseID]) ?? 0
            guard submissions == 0 else {
                throw StoreError.invalidSpecChange(
                    challenge: spec.slug, reason: "phase \"\(row["slug"] as String)\" has \(submissions) submissions and cannot be removed")
            }
            try db.execute(sql: "DELETE FROM phases WHERE id = ?", arguments: [phaseID])
        }
    }

    public func challenge(_ slug: String) throws -> StoredChallenge {
        try pool.read { db in try challenge(slug, db: db) }
    }

    func challenge(_ slug: String, db: Database) throws -> StoredChallenge {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, spec_json, truth_version FROM challenges WHERE slug = ?",
                                         arguments: [slug])
        else { throw StoreError.unknownChallenge(slug) }
        let spec = try specs.spec(row["spec_json"])
        return StoredChallenge(id: row["id"], spec: spec, truthVersion: row["truth_version"])
    }

    public func challengeSlugs() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT slug FROM challenges ORDER BY slug") }
    }

    public func phase(_ challenge: StoredChallenge, _ slug: String) throws -> StoredPhase {
        guard let spec = challenge.spec.phase(slug) else {
            throw StoreError.unknownPhase(challenge: challenge.spec.slug, phase: slug)
        }
        return try pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, published_at, availability FROM phases WHERE challenge_id = ? AND slug = ?",
                arguments: [challenge.id, slug])
            else { throw StoreError.unknownPhase(challenge: challenge.spec.slug, phase: slug) }
            let published: Double? = row["published_at"]
            let availability: String? = row["availability"]
            return StoredPhase(id: row["id"], challengeID: challenge.id, spec: spec,
                               publishedAt: published.map(Date.init(timeIntervalSince1970:)),
                               availability: availability.flatMap(PhaseAvailability.init(rawValue:)))
        }
    }

    public func phases(_ challenge: StoredChallenge) throws -> [StoredPhase] {
        try challenge.spec.phases.map { try phase(challenge, $0.slug) }
    }

    /// Unseals the private split of a phase: from now on the leaderboard shows it.
    public func publishPhase(_ phase: StoredPhase, challenge: String, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE phases SET published_at = ? WHERE id = ? AND published_at IS NULL",
                           arguments: [now.timeIntervalSince1970, phase.id])
            try append(AuditEntry(at: now, actor: "organiser", action: "phase.published", challenge: challenge,
                                  subject: phase.spec.slug), in: db)
        }
    }
}

extension SQLiteStore {
    /// Opens or closes a phase now, whatever its schedule says; nil returns it to the schedule.
    public func setAvailability(_ availability: PhaseAvailability?, of phase: StoredPhase, challenge: String, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE phases SET availability = ? WHERE id = ?", arguments: [availability?.rawValue, phase.id])
            try append(AuditEntry(at: now, actor: "organiser", action: "phase.\(availability?.rawValue ?? "scheduled")",
                                  challenge: challenge, subject: phase.spec.slug), in: db)
        }
    }
}

extension JSONEncoder {
    /// Keys sorted so the same value always encodes to the same bytes (and digest).
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
