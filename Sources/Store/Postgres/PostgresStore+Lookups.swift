import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    public func challengeSlug(id: Int64) throws -> String {
        try read { connection in
            guard let row = try await connection.row("SELECT slug FROM challenges WHERE id = \(id)", logger: self.logger) else {
                throw StoreError.unknownChallenge("#\(id)")
            }
            return try row.get("slug")
        }
    }

    /// The challenge and phase a submission belongs to (`known` saves a lookup when the caller has the challenge).
    public func challengeAndPhase(of submission: StoredSubmission, known: StoredChallenge?) throws -> (StoredChallenge, StoredPhase) {
        let slugs: [String] = try read { connection in
            guard let row = try await connection.row(
                "SELECT p.slug, c.slug AS challenge FROM phases p JOIN challenges c ON c.id = p.challenge_id WHERE p.id = \(submission.phaseID)",
                logger: self.logger)
            else { throw StoreError.unknownSubmission(submission.id) }
            return [try row.get("challenge"), try row.get("slug")]
        }
        let challenge = try known.flatMap { $0.spec.slug == slugs[0] ? $0 : nil } ?? self.challenge(slugs[0])
        return (challenge, try phase(challenge, slugs[1]))
    }

    /// Changes whenever what an upload is checked against changes: the challenge's spec, its truth, the phase's
    /// publication or an organiser's override.
    public func phaseFingerprint(challenge slug: String, phase: String) throws -> String {
        try read { connection in
            guard let row = try await connection.row(
                """
                SELECT c.spec_sha256, c.truth_version, c.updated_at, p.published_at, p.availability
                FROM challenges c LEFT JOIN phases p ON p.challenge_id = c.id AND p.slug = \(phase)
                WHERE c.slug = \(slug)
                """, logger: self.logger)
            else { throw StoreError.unknownChallenge(slug) }
            let published: Double? = try row.get("published_at")
            let truth: String? = try row.get("truth_version")
            let availability: String? = try row.get("availability")
            return [try row.get("spec_sha256", as: String.self), truth ?? "-", String(try row.get("updated_at", as: Double.self)),
                    published.map { String($0) } ?? "-", availability ?? "-"].joined(separator: "|")
        }
    }

    /// Changes whenever anything a leaderboard shows may have changed (a result, a publication, a truth import).
    public func leaderboardRevision() throws -> String {
        try read { connection in
            let row = try await connection.row(
                """
                SELECT (SELECT COALESCE(MAX(id), 0) FROM evaluations) AS e, (SELECT COALESCE(MAX(id), 0) FROM audit_log) AS a
                """, logger: self.logger)
            return "\(try row?.get("e", as: Int64.self) ?? 0).\(try row?.get("a", as: Int64.self) ?? 0)"
        }
    }

    /// Changes when what a leaderboard may show changes (a spec, truth, a publication, an organiser's override).
    public func visibilityRevision() throws -> String {
        try read { connection in
            try await connection.rows(
                """
                SELECT c.slug || ':' || c.updated_at || ':' || COALESCE(c.truth_version, '-') || ':' || p.slug || ':'
                       || COALESCE(p.published_at::text, '-') || ':' || COALESCE(p.availability, '-') AS part
                FROM challenges c JOIN phases p ON p.challenge_id = c.id ORDER BY c.id, p.id
                """, logger: self.logger
            ).map { try $0.get("part", as: String.self) }.joined(separator: ";")
        }
    }
}
