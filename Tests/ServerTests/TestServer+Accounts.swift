import Challenge
import Foundation
import Intake
import Store

/// Accounts in each state an access test covers, on a test server whose challenge admits participants on request.
struct TestAccounts {
    struct Account {
        let id: Int64
        let email: String
        /// One of the account's own API tokens.
        let token: String
    }

    /// Signed up, address not confirmed.
    let unverified: Account
    /// Confirmed, terms not accepted.
    let unaccepted: Account
    /// Terms accepted, access requested and not yet decided.
    let awaiting: Account
    /// Admitted, in team "delta", which has submitted a file.
    let member: Account
    /// Admitted, was in team "delta", removed by the organisers.
    let removed: Account

    static let rules = "# Rules\n\nBe kind.\n"
    static let dataFile = Array("case_id\nA\nB\n".utf8)
    /// The file name delta's member submitted: no one else may see it.
    static let memberFileName = "delta-private-notes.csv"
}

extension TestServer {
    /// Makes the tiny challenge approve each participant and serve one data file, and adds an account in each state.
    func addAccounts() throws -> TestAccounts {
        let participation = """

            participation:
              approval: required
              max-team-size: 3
              data:
                - { name: notes.txt, file: notes.txt }
                - { name: slides, url: "https://slides.example.org/tiny/" }
            """
        let limits = "{ per-period: 3, period: 1d, total: 10, max-file-size: 2KB }"
        try store.registerChallenge(try ChallengeSpecParser.parse(yaml: Self.yaml(limits: limits) + participation, file: "challenge.yaml"), now: Self.now)
        let challenge = try store.challenge("tiny")
        try store.setDocument(.rules, markdown: TestAccounts.rules, challenge: "tiny", now: Self.now)
        try store.setDataFile(challenge: challenge, name: "notes.txt", sha256: try store.blobs.put(TestAccounts.dataFile),
                              byteCount: Int64(TestAccounts.dataFile.count), now: Self.now)
        let terms = try ParticipantGate(store: store).terms(of: challenge)
        func account(_ name: String, verified: Bool = true, accepted: Bool = true, approved: Bool? = true) throws -> TestAccounts.Account {
            let email = "\(name)@example.org"
            let created = try store.createAccount(email: EmailAddress(email)!, passwordHash: "unused", now: Self.now)!
            if verified {
                _ = try store.confirmAccount(id: created.id, now: Self.now)
            }
            if accepted { try store.acceptTerms(accountID: created.id, challenge: challenge, version: terms, now: Self.now) }
            if let approved {
                try store.requestAccess(accountID: created.id, challenge: challenge, affiliation: "\(name)'s lab", purpose: "testing", now: Self.now)
                if approved { try store.decideAccess(accountID: created.id, challenge: challenge, approve: true, now: Self.now) }
            }
            return .init(id: created.id, email: email, token: try store.issueAccountToken(accountID: created.id, label: nil, now: Self.now).token)
        }
        let member = try account("member"), removed = try account("removed")
        let delta = try store.createTeam(accountID: member.id, challenge: challenge, name: "delta", now: Self.now)
        let invitation = try store.inviteToTeam(accountID: member.id, challenge: challenge, now: Self.now, lifetime: 3600)
        _ = try store.joinTeam(invitation: invitation, accountID: removed.id, challenge: challenge, maxTeamSize: nil, now: Self.now)
        try SubmissionIntake(store: store).submit(challenge: "tiny", phase: "final", token: member.token, fileName: TestAccounts.memberFileName,
                                                  bytes: Self.predictions([2, 2, 2, 2]), now: Self.now)
        try store.removeMember(accountID: removed.id, team: delta, now: Self.now)
        return TestAccounts(
            unverified: try account("unverified", verified: false, accepted: false, approved: nil),
            unaccepted: try account("unaccepted", accepted: false, approved: nil),
            awaiting: try account("awaiting", approved: false), member: member, removed: removed)
    }

    /// A browser session of an account, as signing in with its password would open.
    func session(account: TestAccounts.Account) throws -> PageSession {
        let session = try store.openSession(accountID: account.id, now: TestServer.now, lifetime: 3600)
        return PageSession(cookie: session.id, csrf: session.csrfToken)
    }
}
