import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    public func challengeSlug(id: Int64) throws -> String {
        try pool.read { db in
            guard let slug = try String.fetchOne(db, sql: "SELECT slug FROM challenges WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknownChallenge("#\(id)")
            }
            return slug
        }
    }

    public func teamName(id: Int64) throws -> String {
        try pool.read { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM teams WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknownTeam(challenge: "?", team: "#\(id)")
            }
            return name
        }
    }

    /// The challenge and phase a submission belongs to (`known` saves a lookup when the caller has the challenge).
    public func challengeAndPhase(of submission: StoredSubmission, known: StoredChallenge?) throws -> (StoredChallenge, StoredPhase) {
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT p.slug, c.slug AS challenge FROM phases p JOIN challenges c ON c.id = p.challenge_id WHERE p.id = ?",
                             arguments: [submission.phaseID])
        }
        guard let row else { throw StoreError.unknownSubmission(submission.id) }
        let challenge = try known.flatMap { $0.spec.slug == row["challenge"] ? $0 : nil } ?? self.challenge(row["challenge"])
        return (challenge, try phase(challenge, row["slug"]))
    }

    /// Each team of a challenge with its number of submissions.
    public func teamsWithSubmissionCounts(challenge: StoredChallenge) throws -> [(team: StoredTeam, submissions: Int)] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.name, (SELECT COUNT(*) FROM submissions s WHERE s.team_id = t.id) AS submissions
                    FROM teams t WHERE t.challenge_id = ? ORDER BY t.name
                    """,
                arguments: [challenge.id]
            ).map { (StoredTeam(id: $0["id"], challengeID: challenge.id, name: $0["name"]), $0["submissions"]) }
        }
    }
}

extension SQLiteStore {
    /// Changes whenever what an upload is checked against changes: the challenge's spec, its truth, the phase's
    /// publication or an organiser's override. Cheap (one row), so a cache can ask on every upload.
    public func phaseFingerprint(challenge slug: String, phase: String) throws -> String {
        try pool.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT c.spec_sha256, c.truth_version, c.updated_at, p.published_at, p.availability
                    FROM challenges c LEFT JOIN phases p ON p.challenge_id = c.id AND p.slug = ?
                    WHERE c.slug = ?
                    """),
                arguments: [phase, slug])
            else { throw StoreError.unknownChallenge(slug) }
            let published: Double? = row["published_at"]
            let truth: String? = row["truth_version"]
            let availability: String? = row["availability"]
            return [row["spec_sha256"] as String, truth ?? "-", String(row["updated_at"] as Double), published.map { String($0) } ?? "-",
                    availability ?? "-"].joined(separator: "|")
        }
    }
}
