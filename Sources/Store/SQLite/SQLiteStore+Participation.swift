import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    public func standing(accountID: Int64, challenge: StoredChallenge) throws -> ChallengeStanding {
        try pool.read { db in
            guard let account = try accountRow(sql: "SELECT * FROM accounts WHERE id = ?", accountID, db: db) else {
                throw StoreError.unknownAccount("#\(accountID)")
            }
            let accepted = try Row.fetchOne(
                db, sql: "SELECT rules_sha256, data_use_sha256, accepted_at FROM terms_acceptances WHERE challenge_id = ? AND account_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [challenge.id, accountID])
            let request = try Row.fetchOne(
                db, sql: "SELECT * FROM access_requests WHERE challenge_id = ? AND account_id = ?", arguments: [challenge.id, accountID]
            ).map { Self.accessRequest($0, email: account.email) }
            let team = try currentTeam(accountID: accountID, challengeID: challenge.id, db: db)
            return ChallengeStanding(
                account: account, accepted: accepted.map { TermsVersion(rules: $0["rules_sha256"], dataUse: $0["data_use_sha256"]) },
                acceptedAt: accepted.map { Date(timeIntervalSince1970: $0["accepted_at"]) }, request: request, team: team)
        }
    }

    private static func accessRequest(_ row: Row, email: EmailAddress) -> AccessRequest {
        let decided: Double? = row["decided_at"]
        return AccessRequest(accountID: row["account_id"], email: email, affiliation: row["affiliation"], purpose: row["purpose"],
                             state: AccessRequest.State(rawValue: row["state"]) ?? .pending,
                             requestedAt: Date(timeIntervalSince1970: row["requested_at"]), decidedAt: decided.map(Date.init(timeIntervalSince1970:)))
    }

    private func currentTeam(accountID: Int64, challengeID: Int64, db: Database) throws -> StoredTeam? {
        try Row.fetchOne(
            db, sql: "SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.challenge_id = ? AND m.account_id = ? AND m.left_at IS NULL",
            arguments: [challengeID, accountID]
        ).map { StoredTeam(id: $0["id"], challengeID: challengeID, name: $0["name"]) }
    }

    private func requireAccount(_ id: Int64, db: Database) throws -> StoredAccount {
        guard let account = try accountRow(sql: "SELECT * FROM accounts WHERE id = ?", id, db: db) else { throw StoreError.unknownAccount("#\(id)") }
        return account
    }

    public func acceptTerms(accountID: Int64, challenge: StoredChallenge, version: TermsVersion, now: Date) throws {
        try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            try db.execute(sql: "INSERT INTO terms_acceptances (challenge_id, account_id, rules_sha256, data_use_sha256, accepted_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [challenge.id, accountID, version.rules, version.dataUse, now.timeIntervalSince1970])
            try append(AuditEntry(at: now, actor: account.auditActor, action: "terms.accepted", challenge: challenge.spec.slug,
                                  subject: account.email.key, detail: version.auditDetail), in: db)
        }
    }

    public func requestAccess(accountID: Int64, challenge: StoredChallenge, affiliation: String, purpose: String, now: Date) throws {
        try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            if let state = try String.fetchOne(db, sql: "SELECT state FROM access_requests WHERE challenge_id = ? AND account_id = ?",
                                               arguments: [challenge.id, accountID]), state != AccessRequest.State.refused.rawValue {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) has already asked for access (\(state))")
            }
            try db.execute(sql: """
                INSERT INTO access_requests (challenge_id, account_id, affiliation, purpose, state, requested_at) VALUES (?, ?, ?, ?, 'pending', ?)
                ON CONFLICT (challenge_id, account_id) DO UPDATE SET affiliation = excluded.affiliation, purpose = excluded.purpose,
                    state = 'pending', requested_at = excluded.requested_at, decided_at = NULL
                """, arguments: [challenge.id, accountID, affiliation, purpose, now.timeIntervalSince1970])
            try append(AuditEntry(at: now, actor: account.auditActor, action: "access.requested", challenge: challenge.spec.slug,
                                  subject: account.email.key), in: db)
        }
    }

    public func accessRequests(challenge: StoredChallenge) throws -> [AccessRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, a.email FROM access_requests r JOIN accounts a ON a.id = r.account_id WHERE r.challenge_id = ?
                ORDER BY r.state <> 'pending', r.requested_at DESC, r.account_id
                """, arguments: [challenge.id]).map { Self.accessRequest($0, email: try EmailAddress.stored($0["email"], table: "accounts", key: $0["account_id"])) }
        }
    }

    public func decideAccess(accountID: Int64, challenge: StoredChallenge, approve: Bool, now: Date) throws {
        try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            try db.execute(sql: "UPDATE access_requests SET state = ?, decided_at = ? WHERE challenge_id = ? AND account_id = ?",
                           arguments: [approve ? "approved" : "refused", now.timeIntervalSince1970, challenge.id, accountID])
            guard db.changesCount == 1 else { throw StoreError.unknownAccessRequest(challenge: challenge.spec.slug, email: account.email.text) }
            try append(AuditEntry(at: now, actor: "organiser", action: approve ? "access.approved" : "access.refused",
                                  challenge: challenge.spec.slug, subject: account.email.key), in: db)
        }
    }

    public func createTeam(accountID: Int64, challenge: StoredChallenge, name raw: String, now: Date) throws -> StoredTeam {
        let name = try TeamName.normalized(raw, challenge: challenge.spec.slug)
        return try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            if let team = try currentTeam(accountID: accountID, challengeID: challenge.id, db: db) {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) is already in team \"\(team.name)\"; leave it first")
            }
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM teams WHERE challenge_id = ? AND name = ?)",
                                           arguments: [challenge.id, name]) ?? false
            guard !exists else { throw StoreError.duplicateTeam(challenge: challenge.spec.slug, team: name) }
            try db.execute(sql: "INSERT INTO teams (challenge_id, name, created_at) VALUES (?, ?, ?)",
                           arguments: [challenge.id, name, now.timeIntervalSince1970])
            let team = StoredTeam(id: db.lastInsertedRowID, challengeID: challenge.id, name: name)
            try addMember(accountID, to: team, now: now, db: db)
            try append(AuditEntry(at: now, actor: account.auditActor, action: "team.created", challenge: challenge.spec.slug, subject: name), in: db)
            return team
        }
    }

    private func addMember(_ accountID: Int64, to team: StoredTeam, now: Date, db: Database) throws {
        try db.execute(sql: "INSERT INTO team_members (challenge_id, team_id, account_id, joined_at) VALUES (?, ?, ?, ?)",
                       arguments: [team.challengeID, team.id, accountID, now.timeIntervalSince1970])
    }

    public func members(team: StoredTeam) throws -> [TeamMember] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.account_id, a.email, m.joined_at FROM team_members m JOIN accounts a ON a.id = m.account_id
                WHERE m.team_id = ? AND m.left_at IS NULL ORDER BY m.joined_at, m.id
                """, arguments: [team.id]).map { try Self.member($0, team: team) }
        }
    }

    public func members(challenge: StoredChallenge) throws -> [TeamMember] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.account_id, a.email, m.joined_at, t.id AS team_id, t.name FROM team_members m
                JOIN accounts a ON a.id = m.account_id JOIN teams t ON t.id = m.team_id
                WHERE m.challenge_id = ? AND m.left_at IS NULL ORDER BY t.name, m.joined_at, m.id
                """, arguments: [challenge.id]).map { try Self.member($0, team: StoredTeam(id: $0["team_id"], challengeID: challenge.id, name: $0["name"])) }
        }
    }

    private static func member(_ row: Row, team: StoredTeam) throws -> TeamMember {
        TeamMember(accountID: row["account_id"], email: try EmailAddress.stored(row["email"], table: "accounts", key: row["account_id"]), team: team,
                   joinedAt: Date(timeIntervalSince1970: row["joined_at"]))
    }

    public func inviteToTeam(accountID: Int64, challenge: StoredChallenge, now: Date, lifetime: TimeInterval) throws -> String {
        let link = TeamInvitation.newLink()
        try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            guard let team = try currentTeam(accountID: accountID, challengeID: challenge.id, db: db) else {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) is in no team to invite to")
            }
            try db.execute(sql: "INSERT INTO team_invitations (sha256, team_id, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [AccessToken.digest(link), team.id, accountID, now.timeIntervalSince1970, now.addingTimeInterval(lifetime).timeIntervalSince1970])
            try append(AuditEntry(at: now, actor: account.auditActor, action: "team.invited", challenge: challenge.spec.slug, subject: team.name), in: db)
        }
        return link
    }

    public func invitation(_ link: String, now: Date) throws -> TeamInvitation? {
        try pool.read { db in try liveInvitation(link, now: now, db: db) }
    }

    private func liveInvitation(_ link: String, now: Date, db: Database) throws -> TeamInvitation? {
        let digest = AccessToken.digest(link)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT i.sha256, i.expires_at, t.id, t.challenge_id, t.name, t.merged_into, a.email FROM team_invitations i
            JOIN teams t ON t.id = i.team_id JOIN accounts a ON a.id = i.invited_by
            WHERE i.sha256 = ? AND i.used_at IS NULL AND i.expires_at > ?
            """, arguments: [digest, now.timeIntervalSince1970]),
            AccessToken.constantTimeEquals(row["sha256"], digest), (row["merged_into"] as Int64?) == nil,
            let email = EmailAddress(row["email"])
        else { return nil }
        return TeamInvitation(team: StoredTeam(id: row["id"], challengeID: row["challenge_id"], name: row["name"]), invitedBy: email,
                              expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
    }

    public func joinTeam(invitation link: String, accountID: Int64, challenge: StoredChallenge, maxTeamSize: Int?, now: Date) throws -> TeamJoining {
        let slug = challenge.spec.slug
        return try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            guard let invitation = try liveInvitation(link, now: now, db: db), invitation.team.challengeID == challenge.id else {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "this invitation is unknown, used or expired; ask the team for a new one")
            }
            let target = invitation.team
            let current = try currentTeam(accountID: accountID, challengeID: challenge.id, db: db)
            if current?.id == target.id {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "\(account.email) is already in team \"\(target.name)\"")
            }
            let arriving = try current.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team_members WHERE team_id = ? AND left_at IS NULL", arguments: [$0.id]) ?? 0 } ?? 1
            let size = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team_members WHERE team_id = ? AND left_at IS NULL", arguments: [target.id]) ?? 0
            if let maxTeamSize, size + arriving > maxTeamSize {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "team \"\(target.name)\" has \(size) of at most \(maxTeamSize) members; \(arriving) more would not fit")
            }
            let at = now.timeIntervalSince1970
            try db.execute(sql: "UPDATE team_invitations SET used_at = ? WHERE sha256 = ?", arguments: [at, AccessToken.digest(link)])
            guard let current else {
                try addMember(accountID, to: target, now: now, db: db)
                try append(AuditEntry(at: now, actor: account.auditActor, action: "team.joined", challenge: slug, subject: target.name), in: db)
                return .joined(target)
            }
            let phases = try Row.fetchAll(db, sql: "SELECT id, slug FROM phases WHERE challenge_id = ? ORDER BY slug", arguments: [challenge.id])
            for phase in phases {
                guard let spec = challenge.spec.phase(phase["slug"]) else { continue }
                let times = try Double.fetchAll(db, sql: "SELECT submitted_at FROM submissions WHERE phase_id = ? AND team_id IN (?, ?)",
                                                arguments: [phase["id"] as Int64, current.id, target.id]).map(Date.init(timeIntervalSince1970:))
                if let reason = TeamMergeLimits.refusal(phase: spec.slug, limits: spec.limits, times: times, now: now) {
                    throw StoreError.invalidTeamChange(challenge: slug, reason: "teams \"\(current.name)\" and \"\(target.name)\" cannot merge: \(reason)")
                }
            }
            let moving = try Int64.fetchAll(db, sql: "SELECT account_id FROM team_members WHERE team_id = ? AND left_at IS NULL", arguments: [current.id])
            try db.execute(sql: "UPDATE team_members SET left_at = ?, left_how = 'merged' WHERE team_id = ? AND left_at IS NULL", arguments: [at, current.id])
            for member in moving { try addMember(member, to: target, now: now, db: db) }
            try db.execute(sql: "UPDATE submissions SET team_id = ?, chosen_at = NULL WHERE team_id = ?", arguments: [target.id, current.id])
            try db.execute(sql: "UPDATE tokens SET revoked_at = ? WHERE team_id = ? AND revoked_at IS NULL", arguments: [at, current.id])
            try db.execute(sql: "UPDATE teams SET merged_into = ? WHERE id = ?", arguments: [target.id, current.id])
            try append(AuditEntry(at: now, actor: account.auditActor, action: "team.merged", challenge: slug, subject: current.name,
                                  detail: "into \(target.name)"), in: db)
            return .merged(from: current, into: target)
        }
    }

    public func leaveTeam(accountID: Int64, challenge: StoredChallenge, now: Date) throws {
        try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            guard let team = try currentTeam(accountID: accountID, challengeID: challenge.id, db: db) else {
                throw StoreError.invalidTeamChange(challenge: challenge.spec.slug, reason: "\(account.email) is in no team")
            }
            try db.execute(sql: "UPDATE team_members SET left_at = ?, left_how = 'left' WHERE team_id = ? AND account_id = ? AND left_at IS NULL",
                           arguments: [now.timeIntervalSince1970, team.id, accountID])
            try append(AuditEntry(at: now, actor: account.auditActor, action: "team.left", challenge: challenge.spec.slug, subject: team.name), in: db)
        }
    }

    public func removeMember(accountID: Int64, team: StoredTeam, now: Date) throws {
        try pool.write { db in
            let account = try requireAccount(accountID, db: db)
            let slug = try String.fetchOne(db, sql: "SELECT slug FROM challenges WHERE id = ?", arguments: [team.challengeID]) ?? ""
            try db.execute(sql: "UPDATE team_members SET left_at = ?, left_how = 'removed' WHERE team_id = ? AND account_id = ? AND left_at IS NULL",
                           arguments: [now.timeIntervalSince1970, team.id, accountID])
            guard db.changesCount == 1 else {
                throw StoreError.invalidTeamChange(challenge: slug, reason: "\(account.email) is not a member of team \"\(team.name)\"")
            }
            try append(AuditEntry(at: now, actor: "organiser", action: "team.member-removed", challenge: slug, subject: team.name,
                                  detail: account.email.key), in: db)
        }
    }

    public func setDataFile(challenge: StoredChallenge, name: String, sha256: String, byteCount: Int64, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO data_files (challenge_id, name, sha256, byte_count, stored_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (challenge_id, name) DO UPDATE SET sha256 = excluded.sha256, byte_count = excluded.byte_count, stored_at = excluded.stored_at
                """, arguments: [challenge.id, name, sha256, byteCount, now.timeIntervalSince1970])
        }
    }

    public func dataFiles(challenge: StoredChallenge) throws -> [DataFile] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM data_files WHERE challenge_id = ? ORDER BY name", arguments: [challenge.id]).map {
                DataFile(name: $0["name"], sha256: $0["sha256"], byteCount: $0["byte_count"], storedAt: Date(timeIntervalSince1970: $0["stored_at"]))
            }
        }
    }
}
