import ArgumentParser
import Foundation
import Store
import Site

struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard", abstract: "Publish leaderboards.", subcommands: [Build.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the static leaderboard (HTML, JSON, CSV); sealed splits never appear in it.")

        @Argument(help: "Challenge slug.") var challenge: String
        @Option(help: "Output folder.") var out: String
        @Option(help: "Folder with the page template and style sheet.") var assets = "Leaderboard"
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let site = LeaderboardSite(store: try data.openStore(), assets: URL(fileURLWithPath: assets))
            let index = try site.build(challenge: challenge, output: URL(fileURLWithPath: out), now: Date())
            print("leaderboard written to \(index.path)")
        }
    }
}
