import ChildProcesses
import Foundation
import Intake
import Store
import Testing
import TestSupport

/// `arbiter account`, `arbiter access` and `arbiter team invite|join`: the organiser's and the participant's side of
/// joining, on a data folder.
@Suite struct AccountCommandTests {
    /// The demo challenge registered in `folder/data`, which approves each participant.
    static func registered() async throws -> ScratchFolder {
        let folder = try ScratchFolder()
        let added = try await ArbiterBinary.run(["challenge", "add", RepositoryFiles.url("Challenges/tissuenet-demo").path, "--data-dir", "data"], in: folder.path)
        #expect(added.status == 0, "\(added.stderr)")
        return folder
    }

    static func account(_ email: String, in folder: ScratchFolder) async throws -> String {
        let created = try await ArbiterBinary.run(["account", "create", email, "--verified", "--data-dir", "data"], in: folder.path,
                                                  input: "a long enough passphrase\n")
        #expect(created.status == 0, "\(created.stderr)")
        let token = try await ArbiterBinary.run(["account", "token", email, "--label", "cli", "--data-dir", "data"], in: folder.path)
        return token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aPasswordIsReadFromStandardInputNeverTheCommandLine() async throws {
        let folder = try await Self.registered()
        let short = try await ArbiterBinary.run(["account", "create", "ada@example.org", "--data-dir", "data"], in: folder.path, input: "short\n")
        #expect(short.status != 0 && short.stderr.contains("at least 10 characters"))
        let created = try await ArbiterBinary.run(["account", "create", "ada@example.org", "--data-dir", "data"], in: folder.path, input: "a long enough passphrase\n")
        #expect(created.status == 0 && created.stdout.contains("ada@example.org"))
        let listed = try await ArbiterBinary.run(["account", "list", "ada@example.org", "--data-dir", "data"], in: folder.path)
        #expect(listed.stdout.contains("ada@example.org\tno\t"), "unconfirmed: \(listed.stdout)")
        #expect(try await ArbiterBinary.run(["account", "verify", "ada@example.org", "--data-dir", "data"], in: folder.path).status == 0)
        let again = try await ArbiterBinary.run(["account", "list", "ada@example.org", "--data-dir", "data"], in: folder.path)
        #expect(!again.stdout.contains("ada@example.org\tno\t"))
    }

    @Test func aTokenOfAnAccountNotYetApprovedCannotInvite() async throws {
        let folder = try await Self.registered()
        let token = try await Self.account("ada@example.org", in: folder)
        let refused = try await ArbiterBinary.run(["team", "invite", "tissuenet-demo", "--token", token, "--data-dir", "data"], in: folder.path)
        #expect(refused.status != 0 && refused.stderr.contains("accept the rules and data-use terms"), "\(refused.stderr)")
    }

    @Test func anOrganiserListsAndDecidesRequestsAndTheApprovedInviteAndJoin() async throws {
        let folder = try await Self.registered()
        let ada = try await Self.account("ada@example.org", in: folder), bob = try await Self.account("bob@example.org", in: folder)
        // Accepting the terms and asking happen on the challenge's page (JoiningFlowTests); here, through the store.
        let store = folder.file("data")
        for email in ["ada@example.org", "bob@example.org"] {
            try Self.acceptAndAsk(email, data: store)
        }
        let listed = try await ArbiterBinary.run(["access", "list", "tissuenet-demo", "--state", "pending", "--data-dir", "data"], in: folder.path)
        #expect(listed.stdout.contains("ada@example.org\tpending") && listed.stdout.contains("bob@example.org\tpending"), "\(listed.stdout)")
        for email in ["ada@example.org", "bob@example.org"] {
            #expect(try await ArbiterBinary.run(["access", "approve", "tissuenet-demo", email, "--data-dir", "data"], in: folder.path).status == 0)
        }
        let unknown = try await ArbiterBinary.run(["access", "refuse", "tissuenet-demo", "carol@example.org", "--data-dir", "data"], in: folder.path)
        #expect(unknown.status != 0 && unknown.stderr.contains("no account carol@example.org"))
        let noTeam = try await ArbiterBinary.run(["team", "invite", "tissuenet-demo", "--token", ada, "--data-dir", "data"], in: folder.path)
        #expect(noTeam.status != 0 && noTeam.stderr.contains("is in no team to invite to"), "\(noTeam.stderr)")
        try Self.createTeam("Curie", email: "ada@example.org", data: store)
        let invited = try await ArbiterBinary.run(["team", "invite", "tissuenet-demo", "--token", ada, "--public-url", "https://arbiter.example.org",
                                                   "--data-dir", "data"], in: folder.path)
        let link = invited.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(link.hasPrefix("https://arbiter.example.org/challenges/tissuenet-demo/team/join?invitation=inv_"), "\(invited.stderr)")
        let joined = try await ArbiterBinary.run(["team", "join", "tissuenet-demo", link, "--token", bob, "--data-dir", "data"], in: folder.path)
        #expect(joined.stdout.contains("joined team Curie"), "\(joined.stderr)")
        let twice = try await ArbiterBinary.run(["team", "join", "tissuenet-demo", link, "--token", bob, "--data-dir", "data"], in: folder.path)
        #expect(twice.status != 0 && twice.stderr.contains("unknown, used or expired"))
    }

    @Test func inviteAndJoinWithServerGoThroughALiveServersAPI() async throws {
        let folder = try await Self.registered()
        let ada = try await Self.account("ada@example.org", in: folder), bob = try await Self.account("bob@example.org", in: folder)
        for email in ["ada@example.org", "bob@example.org"] {
            try Self.acceptAndAsk(email, data: folder.file("data"))
            #expect(try await ArbiterBinary.run(["access", "approve", "tissuenet-demo", email, "--data-dir", "data"], in: folder.path).status == 0)
        }
        try Self.createTeam("Curie", email: "ada@example.org", data: folder.file("data"))
        // Above Linux's ephemeral ports (32768 to 60999), which outgoing connections take.
        let port = Int.random(in: 61_000..<65_000)
        let server = try ArbiterBinary.start(
            ["serve", "--port", String(port), "--no-judge", "--public-url", "https://arbiter.example.org", "--data-dir", "data"], in: folder.path)
        defer { server.signal(SIGTERM) }
        let base = "http://127.0.0.1:\(port)"
        guard try await server.poll(URL(string: base + "/healthz")!) != nil else {
            server.signal(SIGKILL)
            throw ServerNeverAnswered(output: await server.result().outputText)
        }

        let invited = try await ArbiterBinary.run(["team", "invite", "tissuenet-demo", "--server", base, "--token", ada], in: folder.path)
        let link = invited.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(link.hasPrefix(base + "/challenges/tissuenet-demo/team/join?invitation=inv_"), "\(invited.stdout)\(invited.stderr)")
        let joined = try await ArbiterBinary.run(["team", "join", "tissuenet-demo", link, "--server", base, "--token", bob], in: folder.path)
        #expect(joined.status == 0 && joined.stdout.contains("joined team Curie"), "\(joined.stdout)\(joined.stderr)")
        let twice = try await ArbiterBinary.run(["team", "join", "tissuenet-demo", link, "--server", base, "--token", bob], in: folder.path)
        #expect(twice.status != 0 && twice.stderr.contains("unknown, used or expired"), "\(twice.stderr)")
        let stranger = try await ArbiterBinary.run(["team", "invite", "tissuenet-demo", "--server", base, "--token", "arb_not-a-token"], in: folder.path)
        #expect(stranger.status != 0 && stranger.stderr.contains("the token is not valid"), "\(stranger.stderr)")
    }

    struct ServerNeverAnswered: Error, CustomStringConvertible {
        let output: String
        var description: String { "the server never answered /healthz; its output: \(output)" }
    }

    static func acceptAndAsk(_ email: String, data: String) throws {
        let store = try StoreFactory.open(database: nil, dataDirectory: URL(fileURLWithPath: data))
        let (account, challenge) = (try #require(try store.account(email: EmailAddress(email)!)), try store.challenge("tissuenet-demo"))
        try store.acceptTerms(accountID: account.id, challenge: challenge, version: try ParticipantGate(store: store).terms(of: challenge), now: Date())
        try store.requestAccess(accountID: account.id, challenge: challenge, affiliation: "a lab", purpose: "research", now: Date())
    }

    static func createTeam(_ name: String, email: String, data: String) throws {
        let store = try StoreFactory.open(database: nil, dataDirectory: URL(fileURLWithPath: data))
        let account = try #require(try store.account(email: EmailAddress(email)!))
        _ = try store.createTeam(accountID: account.id, challenge: try store.challenge("tissuenet-demo"), name: name, now: Date())
    }
}
