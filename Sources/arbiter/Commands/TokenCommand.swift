import ArgumentParser
import Foundation
import Store

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue and revoke API tokens.", subcommands: [Issue.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token and print it; it is shown this once and stored only as a hash.")

        @Option(help: "organiser, annotator, or team (with --challenge and --team).") var role: TokenIdentity.Role
        @Option(help: "Challenge slug, for a team token.") var challenge: String?
        @Option(help: "Team name, for a team token.") var team: String?
        @Option(help: "A note to tell tokens apart later.") var label: String?
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            var owner: StoredTeam?
            if role == .team {
                guard let challenge, let team else { throw ValidationError("a team token needs --challenge and --team") }
                owner = try store.team(try store.challenge(challenge), named: team)
            } else if challenge != nil || team != nil {
                throw ValidationError("--challenge and --team are for team tokens only")
            }
            let issued = try store.issueToken(role: role, team: owner, label: label, now: Date())
            FileHandle.standardError.write(Data("token #\(issued.record.id) (\(role.rawValue)); keep it secret:\n".utf8))
            print(issued.token)
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its number.")

        @Argument(help: "Token number (as `token issue` printed it).") var id: Int64
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            try data.openStore().revokeToken(id, now: Date())
            print("token #\(id) revoked")
        }
    }
}

extension TokenIdentity.Role: ExpressibleByArgument {}
