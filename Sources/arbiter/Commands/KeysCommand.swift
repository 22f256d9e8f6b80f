import ArgumentParser
import Foundation
import Site
import Store

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the key that signs published leaderboards.", subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an Ed25519 key pair to DATA-DIR/keys/ (private key mode 0600); refuses to replace one.")

        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let publicKey = try SigningKeys.generate(dataDirectory: data.localDirectory)
            print("public key (give it to anyone who checks the leaderboard): \(publicKey.path)")
        }
    }
}
