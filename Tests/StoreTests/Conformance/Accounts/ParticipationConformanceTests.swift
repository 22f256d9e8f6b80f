import Challenge
import Foundation
import PlatformSupport
import Store
import Testing

/// Terms, access requests, teams formed by their members, and data files, the same on every adapter.
@Suite("Store conformance: participation")
struct ParticipationConformanceTests {
    static let terms = TermsVersion(rules: String(repeating: "a", count: 64), dataUse: String(repeating: "b", count: 64))

    /// A verified account on the small challenge.
    static func account(_ name: String, on platform: Platform) throws -> StoredAccount {
        let account = try #require(try platform.store.createAccount(email: EmailAddress("\(name)@example.org")!, passwordHash: "h", now: platform.at(0)))
        let link = try platform.store.issueAccountLink(accountID: account.id, purpose: .verify, now: platform.at(0), lifetime: 60)
        return try #require(try platform.store.verifyAccount(link: link, now: platform.at(1)))
    }

    @Test(arguments: StoreAdapter.all)
    func acceptingTheTermsIsRecordedWithTheirVersionAndAudited(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let (ada, challenge) = (try Self.account("ada", on: platform), try platform.store.challenge("small"))
        #expect(try platform.store.standing(accountID: ada.id, challenge: challenge).nextStep(terms: Self.terms, approval: .automatic) == .acceptTerms(changed: false))
        try platform.store.acceptTerms(accountID: ada.id, challenge: challenge, version: Self.terms, now: platform.at(5))
        let standing = try platform.store.standing(accountID: ada.id, challenge: challenge)
        #expect(standing.accepted == Self.terms && standing.acceptedAt == platform.at(5))
        #expect(standing.isAdmitted(terms: Self.terms, approval: .automatic))
        let changed = TermsVersion(rules: String(repeating: "c", count: 64), dataUse: Self.terms.dataUse)
        #expect(standing.nextStep(terms: changed, approval: .automatic) == .acceptTerms(changed: true))
        let entry = try #require(try platform.store.auditLog(challenge: "small").last)
        #expect(entry.action == "terms.accepted" && entry.actor == "account:ada@example.org" && entry.at == platform.at(5))
        #expect(entry.detail?.contains(Self.terms.rules) == true && entry.detail?.contains(Self.terms.dataUse) == true)
    }

    @Test(arguments: StoreAdapter.all)
    func anAccessRequestWaitsForTheOrganisersDecision(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let (ada, challenge) = (try Self.account("ada", on: platform), try platform.store.challenge("small"))
        try platform.store.acceptTerms(accountID: ada.id, challenge: challenge, version: Self.terms, now: platform.at(2))
        #expect(try platform.store.standing(accountID: ada.id, challenge: challenge).nextStep(terms: Self.terms, approval: .required) == .requestAccess)
        try platform.store.requestAccess(accountID: ada.id, challenge: challenge, affiliation: "Institut Curie", purpose: "grading models", now: platform.at(3))
        #expect(try platform.store.standing(accountID: ada.id, challenge: challenge).nextStep(terms: Self.terms, approval: .required) == .awaitApproval)
        #expect(throws: StoreError.self) { try platform.store.requestAccess(accountID: ada.id, challenge: challenge, affiliation: "x", purpose: "y", now: platform.at(4)) }
        let request = try #require(try platform.store.accessRequests(challenge: challenge).first)
        #expect(request.affiliation == "Institut Curie" && request.purpose == "grading models" && request.state == .pending)
        try platform.store.decideAccess(accountID: ada.id, challenge: challenge, approve: true, now: platform.at(5))
        #expect(try platform.store.standing(accountID: ada.id, challenge: challenge).isAdmitted(terms: Self.terms, approval: .required))
        #expect(try platform.store.auditLog(challenge: "small").suffix(2).map(\.action) == ["access.requested", "access.approved"])
    }

    @Test(arguments: StoreAdapter.all)
    func aRefusedAccountMayAskAgain(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let (ada, challenge) = (try Self.account("ada", on: platform), try platform.store.challenge("small"))
        try platform.store.requestAccess(accountID: ada.id, challenge: challenge, affiliation: "a", purpose: "b", now: platform.at(3))
        try platform.store.decideAccess(accountID: ada.id, challenge: challenge, approve: false, now: platform.at(4))
        #expect(try platform.store.standing(accountID: ada.id, challenge: challenge).request?.state == .refused)
        try platform.store.requestAccess(accountID: ada.id, challenge: challenge, affiliation: "a lab", purpose: "more", now: platform.at(5))
        let request = try #require(try platform.store.standing(accountID: ada.id, challenge: challenge).request)
        #expect(request.state == .pending && request.affiliation == "a lab" && request.decidedAt == nil)
    }

    @Test(arguments: StoreAdapter.all)
    func decidingOnNoRequestIsRefused(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let (ada, challenge) = (try Self.account("ada", on: platform), try platform.store.challenge("small"))
        #expect(throws: StoreError.unknownAccessRequest(challenge: "small", email: "ada@example.org")) {
            try platform.store.decideAccess(accountID: ada.id, challenge: challenge, approve: true, now: platform.at(1))
        }
    }

    /// "Café" with a precomposed é and with e + U+0301 are one name to Swift and were two to the databases' unique key:
    /// the second broke every leaderboard keyed by name. Names are kept composed, so the key refuses it.
    @Test(arguments: StoreAdapter.all)
    func aNameCanonicallyEqualToATakenOneIsADuplicate(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let (ada, bob, challenge) = (try Self.account("ada", on: platform), try Self.account("bob", on: platform), try platform.store.challenge("small"))
        let team = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "  Cafe\u{301} ", now: platform.at(1))
        // Compared by scalars throughout: Swift's == calls the two forms equal.
        #expect(team.name.unicodeScalars.map(\.value) == [0x43, 0x61, 0x66, 0xE9])
        #expect(throws: StoreError.self) { _ = try platform.store.createTeam(accountID: bob.id, challenge: challenge, name: "Caf\u{E9}", now: platform.at(2)) }
        #expect(throws: StoreError.self) { _ = try platform.store.addTeam(challenge: "small", name: "Cafe\u{301}", now: platform.at(3)) }
        #expect(try platform.store.teams(challenge: challenge).map { $0.name.unicodeScalars.map(\.value) } == [[0x43, 0x61, 0x66, 0xE9]])
        let found = try platform.store.team(challenge, named: "Cafe\u{301}")
        #expect(found.id == team.id && found.name.unicodeScalars.map(\.value) == [0x43, 0x61, 0x66, 0xE9])
    }

    @Test(arguments: StoreAdapter.all)
    func aNameWithAnInvisibleOrControlCharacterIsRefused(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let (ada, challenge) = (try Self.account("ada", on: platform), try platform.store.challenge("small"))
        // The last grows from 100 to 300 characters when composed: U+FB2C has no composed form.
        for name in ["Cu\u{200B}rie", "Cu\u{202E}rie", "Cu\nrie", "   ", String(repeating: "x", count: 101), String(repeating: "\u{FB2C}", count: 100)] {
            #expect(throws: StoreError.self) { _ = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: name, now: platform.at(1)) }
            #expect(throws: StoreError.self) { _ = try platform.store.addTeam(challenge: "small", name: name, now: platform.at(1)) }
        }
        #expect(try platform.store.teams(challenge: challenge).isEmpty)
    }

    @Test(arguments: StoreAdapter.all)
    func anAccountIsInOneTeamPerChallenge(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let (ada, challenge) = (try Self.account("ada", on: platform), try platform.store.challenge("small"))
        let team = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Curie", now: platform.at(1))
        #expect(try platform.store.standing(accountID: ada.id, challenge: challenge).team == team)
        #expect(try platform.store.members(team: team).map(\.email.key) == ["ada@example.org"])
        #expect(throws: StoreError.self) { _ = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Second", now: platform.at(2)) }
        let bob = try Self.account("bob", on: platform)
        #expect(throws: StoreError.duplicateTeam(challenge: "small", team: "Curie")) {
            _ = try platform.store.createTeam(accountID: bob.id, challenge: challenge, name: "Curie", now: platform.at(2))
        }
    }

    @Test(arguments: StoreAdapter.all)
    func anInvitationAddsOneMemberOnce(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let challenge = try platform.store.challenge("small")
        let (ada, bob, cy) = (try Self.account("ada", on: platform), try Self.account("bob", on: platform), try Self.account("cy", on: platform))
        let team = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Curie", now: platform.at(1))
        let link = try platform.store.inviteToTeam(accountID: ada.id, challenge: challenge, now: platform.at(2), lifetime: 3600)
        #expect(try platform.store.invitation(link, now: platform.at(3))?.team == team)
        #expect(try platform.store.invitation(link, now: platform.at(3))?.invitedBy.key == "ada@example.org")
        #expect(try platform.store.joinTeam(invitation: link, accountID: bob.id, challenge: challenge, maxTeamSize: nil, now: platform.at(4)) == .joined(team))
        #expect(try platform.store.invitation(link, now: platform.at(5)) == nil)
        #expect(throws: StoreError.self) { _ = try platform.store.joinTeam(invitation: link, accountID: cy.id, challenge: challenge, maxTeamSize: nil, now: platform.at(5)) }
        #expect(try platform.store.members(team: team).map(\.email.key) == ["ada@example.org", "bob@example.org"])
    }

    @Test(arguments: StoreAdapter.all)
    func anExpiredInvitationAddsNoOne(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let challenge = try platform.store.challenge("small")
        let (ada, bob) = (try Self.account("ada", on: platform), try Self.account("bob", on: platform))
        _ = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Curie", now: platform.at(1))
        let link = try platform.store.inviteToTeam(accountID: ada.id, challenge: challenge, now: platform.at(2), lifetime: 60)
        #expect(try platform.store.invitation(link, now: platform.at(62)) == nil)
        #expect(throws: StoreError.self) { _ = try platform.store.joinTeam(invitation: link, accountID: bob.id, challenge: challenge, maxTeamSize: nil, now: platform.at(62)) }
    }

    @Test(arguments: StoreAdapter.all)
    func aFullTeamTakesNoOneMore(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let challenge = try platform.store.challenge("small")
        let (ada, bob) = (try Self.account("ada", on: platform), try Self.account("bob", on: platform))
        _ = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Curie", now: platform.at(1))
        let link = try platform.store.inviteToTeam(accountID: ada.id, challenge: challenge, now: platform.at(2), lifetime: 3600)
        #expect(throws: StoreError.invalidTeamChange(challenge: "small", reason: "team \"Curie\" has 1 of at most 1 members; 1 more would not fit")) {
            _ = try platform.store.joinTeam(invitation: link, accountID: bob.id, challenge: challenge, maxTeamSize: 1, now: platform.at(3))
        }
        #expect(try platform.store.invitation(link, now: platform.at(4)) != nil, "a refused join leaves the invitation unspent")
    }

    @Test(arguments: StoreAdapter.all)
    func aMergeMovesMembersAndSubmissionsWithinTheLimits(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)  // final phase: 2 per day, 5 in all
        let challenge = try platform.store.challenge("small")
        let (ada, bob) = (try Self.account("ada", on: platform), try Self.account("bob", on: platform))
        let curie = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Curie", now: platform.at(1))
        let pasteur = try platform.store.createTeam(accountID: bob.id, challenge: challenge, name: "Pasteur", now: platform.at(1))
        let curieToken = try platform.store.issueToken(role: .team, team: curie, now: platform.at(1)).token
        let pasteurToken = try platform.store.issueToken(role: .team, team: pasteur, now: platform.at(1)).token
        try platform.submit(curieToken, [0, 1, 2, 0, 1, 2], at: 10)
        try platform.submit(pasteurToken, [0, 1, 2, 0, 1, 2], at: 20)
        let link = try platform.store.inviteToTeam(accountID: ada.id, challenge: challenge, now: platform.at(30), lifetime: 86_400 * 7)
        let joined = try platform.store.joinTeam(invitation: link, accountID: bob.id, challenge: challenge, maxTeamSize: nil, now: platform.at(40))
        #expect(joined == .merged(from: pasteur, into: curie))
        #expect(try platform.store.members(team: curie).map(\.email.key) == ["ada@example.org", "bob@example.org"])
        #expect(try platform.store.submissions(challenge: challenge, team: curie).count == 2)
        #expect(try platform.store.submissions(challenge: challenge, team: pasteur).isEmpty)
        #expect(try platform.store.authenticate(token: pasteurToken) == nil, "the merged team's tokens stop working")
        #expect(try platform.store.auditLog(challenge: "small").last?.action == "team.merged")
    }

    @Test(arguments: StoreAdapter.all)
    func aMergePastADailyLimitIsRefused(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)  // final phase: 2 per day, 5 in all
        let challenge = try platform.store.challenge("small")
        let (ada, bob) = (try Self.account("ada", on: platform), try Self.account("bob", on: platform))
        let curie = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Curie", now: platform.at(1))
        let pasteur = try platform.store.createTeam(accountID: bob.id, challenge: challenge, name: "Pasteur", now: platform.at(1))
        let curieToken = try platform.store.issueToken(role: .team, team: curie, now: platform.at(1)).token
        let pasteurToken = try platform.store.issueToken(role: .team, team: pasteur, now: platform.at(1)).token
        try platform.submit(curieToken, [0, 1, 2, 0, 1, 2], at: 10)
        try platform.submit(curieToken, [0, 1, 2, 0, 1, 1], at: 11)
        try platform.submit(pasteurToken, [0, 1, 2, 0, 1, 2], at: 20)
        let link = try platform.store.inviteToTeam(accountID: ada.id, challenge: challenge, now: platform.at(30), lifetime: 86_400 * 7)
        #expect(throws: StoreError.self) { _ = try platform.store.joinTeam(invitation: link, accountID: bob.id, challenge: challenge, maxTeamSize: nil, now: platform.at(40)) }
        #expect(try platform.store.members(team: pasteur).count == 1, "a refused merge moves no one")
        // A day later the window has emptied and the merge fits (3 of 5 in all).
        #expect(try platform.store.joinTeam(invitation: link, accountID: bob.id, challenge: challenge, maxTeamSize: nil, now: platform.at(86_500)) == .merged(from: pasteur, into: curie))
    }

    @Test(arguments: StoreAdapter.all)
    func leavingAndRemovalAreAuditedAndEndMembership(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let challenge = try platform.store.challenge("small")
        let (ada, bob) = (try Self.account("ada", on: platform), try Self.account("bob", on: platform))
        let team = try platform.store.createTeam(accountID: ada.id, challenge: challenge, name: "Curie", now: platform.at(1))
        let link = try platform.store.inviteToTeam(accountID: ada.id, challenge: challenge, now: platform.at(2), lifetime: 3600)
        _ = try platform.store.joinTeam(invitation: link, accountID: bob.id, challenge: challenge, maxTeamSize: nil, now: platform.at(3))
        try platform.store.removeMember(accountID: bob.id, team: team, now: platform.at(4))
        #expect(try platform.store.standing(accountID: bob.id, challenge: challenge).team == nil)
        #expect(throws: StoreError.self) { try platform.store.removeMember(accountID: bob.id, team: team, now: platform.at(5)) }
        try platform.store.leaveTeam(accountID: ada.id, challenge: challenge, now: platform.at(6))
        #expect(try platform.store.members(team: team).isEmpty)
        let entries = try platform.store.auditLog(challenge: "small").suffix(2)
        #expect(entries.map(\.action) == ["team.member-removed", "team.left"])
        #expect(entries.first?.actor == "organiser" && entries.first?.detail == "bob@example.org")
        #expect(entries.last?.actor == "account:ada@example.org")
    }

    @Test(arguments: StoreAdapter.all)
    func dataFilesAreListedByNameAndReplaced(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let challenge = try platform.store.challenge("small")
        try platform.store.setDataFile(challenge: challenge, name: "labels.csv", sha256: String(repeating: "1", count: 64), byteCount: 10, now: platform.at(1))
        try platform.store.setDataFile(challenge: challenge, name: "b.csv", sha256: String(repeating: "2", count: 64), byteCount: 20, now: platform.at(1))
        try platform.store.setDataFile(challenge: challenge, name: "labels.csv", sha256: String(repeating: "3", count: 64), byteCount: 30, now: platform.at(2))
        #expect(try platform.store.dataFiles(challenge: challenge).map { "\($0.name) \($0.byteCount)" } == ["b.csv 20", "labels.csv 30"])
    }
}
