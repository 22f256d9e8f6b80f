import ArgumentParser
import Foundation
import Store

struct PhaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase", abstract: "Organiser actions on a phase.", subcommands: [Publish.self, Rejudge.self])

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unseal a phase's private split: the leaderboard shows and ranks by it from now on.")

        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "Phase slug.") var phase: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            let stored = try store.phase(try store.challenge(challenge), phase)
            try store.publishPhase(stored, challenge: challenge, now: Date())
            print("published phase \(phase) of \(challenge)")
        }
    }

    struct Rejudge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue every submission of a phase for scoring again (run `arbiter judge` next).")

        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "Phase slug.") var phase: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            let stored = try store.challenge(challenge)
            _ = try store.phase(stored, phase)
            let count = try store.requeue(challenge: stored, phase: phase, now: Date())
            print("queued \(count) submissions of \(challenge)/\(phase) for re-judging")
        }
    }
}
