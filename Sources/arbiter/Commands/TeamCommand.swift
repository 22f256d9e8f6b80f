import ArgumentParser
import Foundation
import Store

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Manage teams.", subcommands: [Add.self])

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
}
