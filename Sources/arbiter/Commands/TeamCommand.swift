import ArgumentParser
import Challenge
import Foundation
import Intake
import Store

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Manage teams.", subcommands: [Add.self, Invite.self, Join.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a team and print its token; the token is shown this once and stored only as a hash.")

        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "Team name.") var name: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let (_, token) = try data.openStore().addTeam(challenge: challenge, name: name, now: Date())
            print(token)
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a single-use link, valid for a week, that adds its opener to your team (you: the account of a participant token).")

        @Argument(help: "Challenge slug.") var challenge: String
        @Option(help: "Your own token, made on your account page (or set ARBITER_TOKEN).") var token: String?
        @Option(help: "The site's address as browsers reach it, for the link (without --server).") var publicURL = "http://127.0.0.1:8080"
        @Option(help: "Ask this server's API (for example https://arbiter.example.org) instead of a local data folder.") var server: String?
        @OptionGroup var data: DataDirectoryOption

        func run() async throws {
            if let server {
                let client = try APIClient(serverOption: server, token: try CommandLineToken.resolve(token))
                let answer = try await client.post(json: [:], to: "api/v1/challenges/\(challenge)/team/invitations")
                print(client.server.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + (answer["url"] as? String ?? ""))
                return
            }
            let (gate, account) = try ParticipantToken.gate(token, data: data)
            let link = try gate.invite(by: account, in: challenge, now: Date()).link
            print(publicURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + TeamInvitation.path(challenge: self.challenge, link: link))
        }
    }

    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the team an invitation link names; if you are in a team already, it merges into that one, within the limits.")

        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "The invitation link, or the code after invitation= in it.") var invitation: String
        @Option(help: "Your own token, made on your account page (or set ARBITER_TOKEN).") var token: String?
        @Option(help: "Ask this server's API (for example https://arbiter.example.org) instead of a local data folder.") var server: String?
        @OptionGroup var data: DataDirectoryOption

        func run() async throws {
            let code = URLComponents(string: invitation)?.queryItems?.first(where: { $0.name == "invitation" })?.value ?? invitation
            if let server {
                let answer = try await APIClient(serverOption: server, token: try CommandLineToken.resolve(token)).post(json: ["invitation": code], to: "api/v1/challenges/\(challenge)/team/members")
                let team = answer["team"] as? String ?? "?"
                print((answer["merged_from"] as? String).map { "merged team \($0) into team \(team)" } ?? "joined team \(team)")
                return
            }
            let (gate, account) = try ParticipantToken.gate(token, data: data)
            switch try gate.join(account, invitation: code, in: challenge, now: Date()) {
            case .joined(let team): print("joined team \(team.name)")
            case .merged(let from, let into): print("merged team \(from.name) into team \(into.name)")
            }
        }
    }
}

/// The account a participant token stands for.
enum ParticipantToken {
    /// The gate on the data folder's store, and the token's account.
    static func gate(_ token: String?, data: DataDirectoryOption) throws -> (ParticipantGate, AccountRef) {
        let store = try data.openStore()
        return (ParticipantGate(store: store), try Self.account(token, in: store))
    }

    static func account(_ token: String?, in store: any ArbiterStore) throws -> AccountRef {
        let token = try CommandLineToken.resolve(token)
        guard let account = try store.authenticate(token: token)?.account else {
            throw ValidationError("the token is not a participant's own token: make one on your account page")
        }
        return account
    }
}
