import ArgumentParser
import BuiltInFiles
import Foundation
import Server
import Site
import Store

struct LeaderboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard", abstract: "Publish leaderboards and check their signed history.", subcommands: [Build.self, Verify.self])

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the static leaderboard (HTML, JSON, CSV); sealed splits never appear in it.")

        @Argument(help: "Challenge slug.") var challenge: String
        @Option(help: "Output folder.") var out: String
        @Option(help: "Folder with the page template and style sheet (the built-in copy when ./Leaderboard is absent).")
        var assets = "Leaderboard"
        @OptionGroup var data: DataDirectoryOption

        @Option(help: "Bootstrap resamples for rank intervals (default: each phase's ranking.bootstrap).") var resamples: Int?
        @Option(help: "Bootstrap seed, recorded on the page (default: each phase's ranking.bootstrap).") var seed: UInt64?

        func run() async throws {
            let store = try data.openStore()
            let key = try SigningKeys.privateKey(dataDirectory: data.localDirectory)
            let assetsURL = URL(fileURLWithPath: BuiltInFiles.resolve(assets))
            let site = LeaderboardSite(store: store, assets: assetsURL, signingKey: key)
            let index = try await site.build(challenge: challenge, output: URL(fileURLWithPath: out), now: Date(),
                                             bootstrap: resamples.map { BootstrapSettings(resamples: $0, seed: seed ?? 20_181_206) },
                                             humanBands: try StudySiteInputs.humanBands(store: store, challenge: challenge))
            print("leaderboard written to \(index.path)" + (key == nil ? " (unsigned: run `arbiter keys generate` to sign)" : ""))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute a published site's snapshot chain and check every signature; fails on any edit.")

        @Argument(help: "The published site folder (with history/ and leaderboard.json).") var site: String
        @Option(help: "The organisers' public key file (leaderboard-signing.pub).") var key: String

        func run() throws {
            let count = try HistoryVerifier.verify(site: URL(fileURLWithPath: site), publicKey: SigningKeys.publicKey(file: URL(fileURLWithPath: key)))
            print("verified \(count) signed snapshots; the leaderboard matches the chain head")
        }
    }
}
