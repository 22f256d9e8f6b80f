import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Registers a challenge or updates its spec, as `SQLiteStore.registerChallenge` does. The challenge's row is
    /// locked for the update, so two organisers registering at once apply one after the other.
    @discardableResult
    public func registerChallenge(_ spec: ChallengeSpec, now: Date, force: Bool) throws -> Bool {
        let json = String(decoding: try JSONEncoder.sorted.encode(spec), as: UTF8.self)
        let digest = ContentDigest.sha256(Array(json.utf8))
        let at = now.timeIntervalSince1970
        return try write { connection in
            let existing = try await connection.row(
                "SELECT id, spec_json FROM challenges WHERE slug = \(spec.slug) FOR UPDATE", logger: self.logger)
            let challengeID: Int64
            if let existing {
                challengeID = try existing.get("id")
                try await self.checkRankingChanges(old: try existing.get("spec_json"), spec: spec, now: now, force: force, on: connection)
                try await connection.execute(
                    """
                    UPDATE challenges SET title = \(spec.title), spec_json = \(json), spec_sha256 = \(digest), updated_at = \(at)
                    WHERE id = \(challengeID)
                    """, logger: self.logger)
                try await self.removeDroppedPhases(challengeID, keeping: spec, on: connection)
            } else {
                let inserted = try await connection.row(
                    """
                    INSERT INTO challenges (slug, title, spec_json, spec_sha256, created_at, updated_at)
                    VALUES (\(spec.slug), \(spec.title), \(json), \(digest), \(at), \(at))
                    ON CONFLICT (slug) DO NOTHING RETURNING id
                    """, logger: self.logger)
                // Another process registered the same slug meanwhile: report it as the update it now is, by retrying.
                guard let inserted else { throw PostgresStoreError.raced("challenge \(spec.slug) was registered meanwhile") }
                challengeID = try inserted.get("id")
            }
            for phase in spec.phases {
                try await connection.execute(
                    "INSERT INTO phases (challenge_id, slug) VALUES (\(challengeID), \(phase.slug)) ON CONFLICT (challenge_id, slug) DO NOTHING",
                    logger: self.logger)
            }
            try await self.append(AuditEntry(at: now, actor: "organiser", action: existing == nil ? "challenge.added" : "challenge.updated",
                                             challenge: spec.slug, fileSHA256: digest), on: connection)
            return existing == nil
        }
    }

    private func checkRankingChanges(old json: String, spec: ChallengeSpec, now: Date, force: Bool, on connection: PostgresConnection) async throws {
        for entry in try RankingChanges.audited(storedJSON: json, spec: spec, now: now, force: force) { try await append(entry, on: connection) }
    }

    private func removeDroppedPhases(_ challengeID: Int64, keeping spec: ChallengeSpec, on connection: PostgresConnection) async throws {
        let stored = try await connection.rows("SELECT id, slug FROM phases WHERE challenge_id = \(challengeID)", logger: logger)
        for row in stored {
            let slug: String = try row.get("slug")
            guard spec.phase(slug) == nil else { continue }
            let phaseID: Int64 = try row.get("id")
            let submissions = try await connection.row(
                "SELECT COUNT(*) AS n FROM submissions WHERE phase_id = \(phaseID)", logger: logger)?.get("n", as: Int.self) ?? 0
            guard submissions == 0 else {
                throw StoreError.invalidSpecChange(
                    challenge: spec.slug, reason: "phase \"\(slug)\" has \(submissions) submissions and cannot be removed")
            }
            try await connection.execute("DELETE FROM phases WHERE id = \(phaseID)", logger: logger)
        }
    }

    public func challenge(_ slug: String) throws -> StoredChallenge {
        try read { connection in try await self.challenge(slug, on: connection) }
    }

    func challenge(_ slug: String, on connection: PostgresConnection) async throws -> StoredChallenge {
        guard let row = try await connection.row(
            "SELECT id, spec_json, truth_version FROM challenges WHERE slug = \(slug)", logger: logger)
        else { throw StoreError.unknownChallenge(slug) }
        let spec = try specs.spec(try row.get("spec_json", as: String.self))
        return StoredChallenge(id: try row.get("id"), spec: spec, truthVersion: try row.get("truth_version"))
    }

    public func challengeSlugs() throws -> [String] {
        try read { connection in
            try await connection.rows("SELECT slug FROM challenges ORDER BY slug", logger: self.logger).map { try $0.get("slug") }
        }
    }

    public func phase(_ challenge: StoredChallenge, _ slug: String) throws -> StoredPhase {
        guard let spec = challenge.spec.phase(slug) else {
            throw StoreError.unknownPhase(challenge: challenge.spec.slug, phase: slug)
        }
        return try read { connection in
            guard let row = try await connection.row(
                "SELECT id, published_at, availability FROM phases WHERE challenge_id = \(challenge.id) AND slug = \(slug)",
                logger: self.logger)
            else { throw StoreError.unknownPhase(challenge: challenge.spec.slug, phase: slug) }
            let published: Double? = try row.get("published_at")
            let availability: String? = try row.get("availability")
            return StoredPhase(id: try row.get("id"), challengeID: challenge.id, spec: spec,
                               publishedAt: published.map(Date.init(timeIntervalSince1970:)),
                               availability: availability.flatMap(PhaseAvailability.init(rawValue:)))
        }
    }

    public func phases(_ challenge: StoredChallenge) throws -> [StoredPhase] {
        try challenge.spec.phases.map { try phase(challenge, $0.slug) }
    }

    /// Unseals the private split of a phase: from now on the leaderboard shows it.
    public func publishPhase(_ phase: StoredPhase, challenge: String, now: Date) throws {
        try write { connection in
            try await connection.execute(
                "UPDATE phases SET published_at = \(now.timeIntervalSince1970) WHERE id = \(phase.id) AND published_at IS NULL",
                logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "phase.published", challenge: challenge,
                                             subject: phase.spec.slug), on: connection)
        }
    }

    /// Opens or closes a phase now, whatever its schedule says; nil returns it to the schedule.
    public func setAvailability(_ availability: PhaseAvailability?, of phase: StoredPhase, challenge: String, now: Date) throws {
        try write { connection in
            try await connection.execute(
                "UPDATE phases SET availability = \(availability?.rawValue) WHERE id = \(phase.id)", logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "phase.\(availability?.rawValue ?? "scheduled")",
                                             challenge: challenge, subject: phase.spec.slug), on: connection)
        }
    }
}
