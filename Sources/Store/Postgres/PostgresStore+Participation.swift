import Challenge
import Foundation
import PostgresNIO

/// Where SQLite's single writer serialises every change, here the rows a change depends on are locked first: the
/// account's row (`FOR NO KEY UPDATE`) for changes to its own standing and membership, and each team's row whose
/// members change. A merge also takes the upload locks (`lockTeam(_:inPhase:)`) of both teams in every phase, so the
/// submissions it counts against the limits are all there are, and none arrives for either team until it commits.
extension PostgresStore {
    public func standing(accountID: Int64, challenge: StoredChallenge) throws -> ChallengeStanding {
        try read { connection in
            guard let account = try await self.accountRow(id: accountID, on: connection) else {
                throw StoreError.unknownAccount("#\(accountID)")
            }
            let accepted = try await connection.row(
                """
                SELECT rules_sha256, data_use_sha256, accepted_at FROM terms_acceptances
                WHERE challenge_id = \(challenge.id) AND account_id = \(accountID) ORDER BY id DESC LIMIT 1
                """, logger: self.logger)
            let request = try await connection.row(
                "SELECT * FROM access_requests WHERE challenge_id = \(challenge.id) AND account_id = \(accountID)", logger: self.logger
            ).map { try Self.accessRequest($0, email: account.email) }
            let team = try await self.currentTeam(accountID: accountID, challengeID: challenge.id, on: connection)
            return ChallengeStanding(
                account: account,
                accepted: try accepted.map { TermsVersion(rules: try $0.get("rules_sha256"), dataUse: try $0.get("data_use_sha256")) },
                acceptedAt: try accepted.map { Date(timeIntervalSince1970: try $0.get("accepted_at")) }, request: request, team: team)
        }
    }

    private static func accessRequest(_ row: PostgresRandomAccessRow, email: EmailAddress) throws -> AccessRequest {
        let decided: Double? = try row.get("decided_at")
        return AccessRequest(accountID: try row.get("account_id"), email: email, affiliation: try row.get("affiliation"),
                             purpose: try row.get("purpose"), state: AccessRequest.State(rawValue: try row.get("state")) ?? .pending,
                             requestedAt: Date(timeIntervalSince1970: try row.get("requested_at")),
                             decidedAt: decided.map(Date.init(timeIntervalSince1970:)))
    }

    private func currentTeam(accountID: Int64, challengeID: Int64, on connection: PostgresConnection) async throws -> StoredTeam? {
        try await connection.row(
            """
            SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id
            WHERE m.challenge_id = \(challengeID) AND m.account_id = \(accountID) AND m.left_at IS NULL
            """, logger: logger
        ).map { StoredTeam(id: try $0.get("id"), challengeID: challengeID, name: try $0.get("name")) }
    }

    /// The account, or `unknownAccount`; with `locking`, its row stays locked until the transaction ends.
    private func requireAccount(_ id: Int64, locking: Bool = false, on connection: PostgresConnection) async throws -> StoredAccount {
        let account = locking ? try await lockedAccountRow(id: id, on: connection) : try await accountRow(id: id, on: connection)
        guard let account else { throw StoreError.unknownAccount("#\(id)") }
        return account
    }

    /// Locks a team's row until the transaction ends: changes to one team's members are serialised.
    private func lockTeamRow(_ id: Int64, on connection: PostgresConnection) async throws {
        try await connection.execute("SELECT id FROM teams WHERE id = \(id) FOR NO KEY UPDATE", logger: logger)
    }

    /// The account's current team with its row locked, read again once locked: a merge or a removal that committed
    /// while this transaction waited has moved the account, and the team it is in now is the one locked.
    private func lockedCurrentTeam(accountID: Int64, challengeID: Int64, on connection: PostgresConnection) async throws -> StoredTeam? {
        var locked = Set<Int64>()
        while true {
            guard let team = try await currentTeam(accountID: accountID, challengeID: challengeID, on: connection) else { return nil }
            if locked.contains(team.id) { return team }
            try await lockTeamRow(team.id, on: connection)
            locked.insert(team.id)
        }
    }

    public func acceptTerms(accountID: Int64, challenge: StoredChallenge, version: TermsVersion, now: Date) throws {
        try write { connection in
            let account = try await self.requireAccount(accountID, on: connection)
            try await connection.execute(
                """
                INSERT INTO terms_acceptances (challenge_id, account_id, rules_sha256, data_use_sha256, accepted_at)
                VALUES (\(challenge.id), \(accountID), \(version.rules), \(version.dataUse), \(now.timeIntervalSince1970))
                """, logger: self.logger)
            try await self.append(
                AuditEntry(at: now, actor: account.auditActor, action: "terms.accepted", challenge: challenge.spec.slug,
                           subject: account.email.key,
                           detail: version.auditDetail),
                on: connection)
        }
    }

    public func requestAccess(accountID: Int64, challenge: StoredChallenge, affiliation: String, purpose: String, now: Date) throws {
        try write { connection in
            let account = try await self.requireAccount(accountID, locking: true, on: connection)
            if let row = try await connection.row(
                "SELECT state FROM access_requests WHERE challenge_id = \(challenge.id) AND account_id = \(accountID)", logger: self.logger),
                case let state = try row.get("state", as: String.self), state != AccessRequest.State.refused.rawValue
            {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) has already asked for access (\(state))")
            }
            try await connection.execute(
                """
                INSERT INTO access_requests (challenge_id, account_id, affiliation, purpose, state, requested_at)
                VALUES (\(challenge.id), \(accountID), \(affiliation), \(purpose), 'pending', \(now.timeIntervalSince1970))
                ON CONFLICT (challenge_id, account_id) DO UPDATE SET affiliation = EXCLUDED.affiliation, purpose = EXCLUDED.purpose,
                    state = 'pending', requested_at = EXCLUDED.requested_at, decided_at = NULL
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "access.requested", challenge: challenge.spec.slug,
                                             subject: account.email.key), on: connection)
        }
    }

    public func accessRequests(challenge: StoredChallenge) throws -> [AccessRequest] {
        try read { connection in
            try await connection.rows(
                """
                SELECT r.*, a.email FROM access_requests r JOIN accounts a ON a.id = r.account_id WHERE r.challenge_id = \(challenge.id)
                ORDER BY r.state <> 'pending', r.requested_at DESC, r.account_id
                """, logger: self.logger
            ).map { try Self.accessRequest($0, email: try EmailAddress.stored(try $0.get("email"), table: "accounts", key: try $0.get("account_id"))) }
        }
    }

    public func decideAccess(accountID: Int64, challenge: StoredChallenge, approve: Bool, now: Date) throws {
        try write { connection in
            let account = try await self.requireAccount(accountID, on: connection)
            let updated = try await connection.rows(
                """
                UPDATE access_requests SET state = \(approve ? "approved" : "refused"), decided_at = \(now.timeIntervalSince1970)
                WHERE challenge_id = \(challenge.id) AND account_id = \(accountID) RETURNING account_id
                """, logger: self.logger)
            guard updated.count == 1 else {
                throw StoreError.unknownAccessRequest(challenge: challenge.spec.slug, email: account.email.text)
            }
            try await self.append(AuditEntry(at: now, actor: "organiser", action: approve ? "access.approved" : "access.refused",
                                             challenge: challenge.spec.slug, subject: account.email.key), on: connection)
        }
    }

    /// The name is unique per challenge by the table's key, so two teams created with one name at once make one team.
    public func createTeam(accountID: Int64, challenge: StoredChallenge, name raw: String, now: Date) throws -> StoredTeam {
        let name = try TeamName.normalized(raw, challenge: challenge.spec.slug)
        return try write { connection in
            let account = try await self.requireAccount(accountID, locking: true, on: connection)
            if let team = try await self.currentTeam(accountID: accountID, challengeID: challenge.id, on: connection) {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) is already in team \"\(team.name)\"; leave it first")
            }
            guard let row = try await connection.row(
                """
                INSERT INTO teams (challenge_id, name, created_at) VALUES (\(challenge.id), \(name), \(now.timeIntervalSince1970))
                ON CONFLICT (challenge_id, name) DO NOTHING RETURNING id
                """, logger: self.logger)
            else { throw StoreError.duplicateTeam(challenge: challenge.spec.slug, team: name) }
            let team = StoredTeam(id: try row.get("id"), challengeID: challenge.id, name: name)
            try await self.addMember(accountID, to: team, now: now, on: connection)
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "team.created", challenge: challenge.spec.slug,
                                             subject: name), on: connection)
            return team
        }
    }

    private func addMember(_ accountID: Int64, to team: StoredTeam, now: Date, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            INSERT INTO team_members (challenge_id, team_id, account_id, joined_at)
            VALUES (\(team.challengeID), \(team.id), \(accountID), \(now.timeIntervalSince1970))
            """, logger: logger)
    }

    public func members(team: StoredTeam) throws -> [TeamMember] {
        try read { connection in
            try await connection.rows(
                """
                SELECT m.account_id, a.email, m.joined_at FROM team_members m JOIN accounts a ON a.id = m.account_id
                WHERE m.team_id = \(team.id) AND m.left_at IS NULL ORDER BY m.joined_at, m.id
                """, logger: self.logger
            ).map { try Self.member($0, team: team) }
        }
    }

    public func members(challenge: StoredChallenge) throws -> [TeamMember] {
        try read { connection in
            try await connection.rows(
                """
                SELECT m.account_id, a.email, m.joined_at, t.id AS team_id, t.name FROM team_members m
                JOIN accounts a ON a.id = m.account_id JOIN teams t ON t.id = m.team_id
                WHERE m.challenge_id = \(challenge.id) AND m.left_at IS NULL ORDER BY t.name, m.joined_at, m.id
                """, logger: self.logger
            ).map { try Self.member($0, team: StoredTeam(id: try $0.get("team_id"), challengeID: challenge.id, name: try $0.get("name"))) }
        }
    }

    private static func member(_ row: PostgresRandomAccessRow, team: StoredTeam) throws -> TeamMember {
        TeamMember(accountID: try row.get("account_id"), email: try EmailAddress.stored(try row.get("email"), table: "accounts", key: try row.get("account_id")),
                   team: team, joinedAt: Date(timeIntervalSince1970: try row.get("joined_at")))
    }

    public func inviteToTeam(accountID: Int64, challenge: StoredChallenge, now: Date, lifetime: TimeInterval) throws -> String {
        let link = TeamInvitation.newLink()
        try write { connection in
            let account = try await self.requireAccount(accountID, locking: true, on: connection)
            guard let team = try await self.lockedCurrentTeam(accountID: accountID, challengeID: challenge.id, on: connection) else {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) is in no team to invite to")
            }
            try await connection.execute(
                """
                INSERT INTO team_invitations (sha256, team_id, invited_by, created_at, expires_at)
                VALUES (\(AccessToken.digest(link)), \(team.id), \(accountID), \(now.timeIntervalSince1970),
                        \(now.addingTimeInterval(lifetime).timeIntervalSince1970))
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "team.invited", challenge: challenge.spec.slug,
                                             subject: team.name), on: connection)
        }
        return link
    }

    public func invitation(_ link: String, now: Date) throws -> TeamInvitation? {
        try read { connection in try await self.liveInvitation(link, now: now, on: connection) }
    }

    private func liveInvitation(_ link: String, now: Date, on connection: PostgresConnection) async throws -> TeamInvitation? {
        let digest = AccessToken.digest(link)
        guard let row = try await connection.row(
            """
            SELECT i.sha256, i.expires_at, t.id, t.challenge_id, t.name, t.merged_into, a.email FROM team_invitations i
            JOIN teams t ON t.id = i.team_id JOIN accounts a ON a.id = i.invited_by
            WHERE i.sha256 = \(digest) AND i.used_at IS NULL AND i.expires_at > \(now.timeIntervalSince1970)
            """, logger: logger),
            AccessToken.constantTimeEquals(try row.get("sha256"), digest), try row.get("merged_into", as: Int64?.self) == nil,
            let email = EmailAddress(try row.get("email"))
        else { return nil }
        return TeamInvitation(team: StoredTeam(id: try row.get("id"), challengeID: try row.get("challenge_id"), name: try row.get("name")),
                              invitedBy: email, expiresAt: Date(timeIntervalSince1970: try row.get("expires_at")))
    }

    /// Locks what the join depends on before reading it for good: the account's row, then the inviting team's row and,
    /// for a merge, the upload locks of both teams in every phase and the joining team's row. Whatever committed while
    /// it waited (the same invitation spent, a team merged away, members come or gone) is read afresh once locked.
    public func joinTeam(invitation link: String, accountID: Int64, challenge: StoredChallenge, maxTeamSize: Int?, now: Date) throws -> TeamJoining {
        let slug = challenge.spec.slug
        return try write { connection in
            let account = try await self.requireAccount(accountID, locking: true, on: connection)
            let phases = try await connection.rows(
                "SELECT id, slug FROM phases WHERE challenge_id = \(challenge.id) ORDER BY slug", logger: self.logger
            ).map { (id: try $0.get("id", as: Int64.self), slug: try $0.get("slug", as: String.self)) }
            var invitation: TeamInvitation?
            var current: StoredTeam?
            var locked = Set<Int64>()
            while true {
                invitation = try await self.liveInvitation(link, now: now, on: connection)
                current = try await self.currentTeam(accountID: accountID, challengeID: challenge.id, on: connection)
                guard let target = invitation?.team, target.challengeID == challenge.id else { break }
                let involved = Set([target.id, current?.id].compactMap { $0 })
                if involved.isSubset(of: locked) { break }
                if involved.count == 2 {
                    for phase in phases.sorted(by: { $0.id < $1.id }) {
                        for team in involved.sorted() { try await self.lockTeam(team, inPhase: phase.id, on: connection) }
                    }
                }
                for team in involved.subtracting(locked).sorted() { try await self.lockTeamRow(team, on: connection) }
                locked.formUnion(involved)
            }
            guard let invitation, invitation.team.challengeID == challenge.id else {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "this invitation is unknown, used or expired; ask the team for a new one")
            }
            let target = invitation.team
            if current?.id == target.id {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "\(account.email) is already in team \"\(target.name)\"")
            }
            var arriving = 1
            if let current { arriving = try await self.memberCount(team: current.id, on: connection) }
            let size = try await self.memberCount(team: target.id, on: connection)
            if let maxTeamSize, size + arriving > maxTeamSize {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "team \"\(target.name)\" has \(size) of at most \(maxTeamSize) members; \(arriving) more would not fit")
            }
            let at = now.timeIntervalSince1970
            try await connection.execute(
                "UPDATE team_invitations SET used_at = \(at) WHERE sha256 = \(AccessToken.digest(link))", logger: self.logger)
            guard let current else {
                try await self.addMember(accountID, to: target, now: now, on: connection)
                try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "team.joined", challenge: slug, subject: target.name),
                                      on: connection)
                return .joined(target)
            }
            for phase in phases {
                guard let spec = challenge.spec.phase(phase.slug) else { continue }
                let times: [Date] = try await connection.rows(
                    "SELECT submitted_at FROM submissions WHERE phase_id = \(phase.id) AND team_id IN (\(current.id), \(target.id))",
                    logger: self.logger
                ).map { Date(timeIntervalSince1970: try $0.get("submitted_at")) }
                if let reason = TeamMergeLimits.refusal(phase: spec.slug, limits: spec.limits, times: times, now: now) {
                    throw StoreError.invalidTeamChange(challenge: slug, reason: "teams \"\(current.name)\" and \"\(target.name)\" cannot merge: \(reason)")
                }
            }
            let moving: [Int64] = try await connection.rows(
                "SELECT account_id FROM team_members WHERE team_id = \(current.id) AND left_at IS NULL ORDER BY id", logger: self.logger
            ).map { try $0.get("account_id") }
            try await connection.execute(
                "UPDATE team_members SET left_at = \(at), left_how = 'merged' WHERE team_id = \(current.id) AND left_at IS NULL",
                logger: self.logger)
            for member in moving { try await self.addMember(member, to: target, now: now, on: connection) }
            try await connection.execute(
                "UPDATE submissions SET team_id = \(target.id), chosen_at = NULL WHERE team_id = \(current.id)", logger: self.logger)
            try await connection.execute(
                "UPDATE tokens SET revoked_at = \(at) WHERE team_id = \(current.id) AND revoked_at IS NULL", logger: self.logger)
            try await connection.execute("UPDATE teams SET merged_into = \(target.id) WHERE id = \(current.id)", logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "team.merged", challenge: slug, subject: current.name,
                                             detail: "into \(target.name)"), on: connection)
            return .merged(from: current, into: target)
        }
    }

    private func memberCount(team: Int64, on connection: PostgresConnection) async throws -> Int {
        try await connection.row(
            "SELECT COUNT(*) AS n FROM team_members WHERE team_id = \(team) AND left_at IS NULL", logger: logger
        )?.get("n", as: Int.self) ?? 0
    }

    public func leaveTeam(accountID: Int64, challenge: StoredChallenge, now: Date) throws {
        try write { connection in
            let account = try await self.requireAccount(accountID, locking: true, on: connection)
            guard let team = try await self.lockedCurrentTeam(accountID: accountID, challengeID: challenge.id, on: connection) else {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) is in no team")
            }
            try await connection.execute(
                """
                UPDATE team_members SET left_at = \(now.timeIntervalSince1970), left_how = 'left'
                WHERE team_id = \(team.id) AND account_id = \(accountID) AND left_at IS NULL
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: account.auditActor, action: "team.left", challenge: challenge.spec.slug,
                                             subject: team.name), on: connection)
        }
    }

    public func removeMember(accountID: Int64, team: StoredTeam, now: Date) throws {
        try write { connection in
            let account = try await self.requireAccount(accountID, on: connection)
            let slug = try await connection.row("SELECT slug FROM challenges WHERE id = \(team.challengeID)", logger: self.logger)?
                .get("slug", as: String.self) ?? ""
            try await self.lockTeamRow(team.id, on: connection)
            let updated = try await connection.rows(
                """
                UPDATE team_members SET left_at = \(now.timeIntervalSince1970), left_how = 'removed'
                WHERE team_id = \(team.id) AND account_id = \(accountID) AND left_at IS NULL RETURNING id
                """, logger: self.logger)
            guard updated.count == 1 else {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "\(account.email) is not a member of team \"\(team.name)\"")
            }
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "team.member-removed", challenge: slug, subject: team.name,
                                             detail: account.email.key), on: connection)
        }
    }

    public func setDataFile(challenge: StoredChallenge, name: String, sha256: String, byteCount: Int64, now: Date) throws {
        try write { connection in
            try await connection.execute(
                """
                INSERT INTO data_files (challenge_id, name, sha256, byte_count, stored_at)
                VALUES (\(challenge.id), \(name), \(sha256), \(byteCount), \(now.timeIntervalSince1970))
                ON CONFLICT (challenge_id, name) DO UPDATE SET sha256 = EXCLUDED.sha256, byte_count = EXCLUDED.byte_count,
                    stored_at = EXCLUDED.stored_at
                """, logger: self.logger)
        }
    }

    public func dataFiles(challenge: StoredChallenge) throws -> [DataFile] {
        try read { connection in
            try await connection.rows("SELECT * FROM data_files WHERE challenge_id = \(challenge.id) ORDER BY name", logger: self.logger).map {
                DataFile(name: try $0.get("name"), sha256: try $0.get("sha256"), byteCount: try $0.get("byte_count"),
                         storedAt: Date(timeIntervalSince1970: try $0.get("stored_at")))
            }
        }
    }
}
