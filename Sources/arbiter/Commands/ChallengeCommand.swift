import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Scoring
import Store

struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenge", abstract: "Check and register challenge specs.",
        subcommands: [Check.self, Add.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate DIR/challenge.yaml and its reader study, listing every problem with its key path and line.",
            discussion: "The study is DIR/study.yaml or the `study:` section of challenge.yaml, never both.")

        @Argument(help: "Folder containing challenge.yaml (and perhaps study.yaml).") var directory: String

        func run() throws {
            let folder = URL(fileURLWithPath: directory)
            let spec = try ChallengeSpecParser.load(directory: folder)
            let study = try StudySpecParser.load(directory: folder, challenge: spec)
            print("\(spec.slug): \(spec.task.classes.count) classes, \(spec.phases.count) phases, primary metric \(spec.metrics.primary.kind.rawValue) (\(spec.metrics.primary.direction.caption))")
            if let study {
                print("study \(study.slug): \(study.items.summary), \(study.readers.count) readers, \(study.readsPerItem) reads per item, \(study.assignment.rawValue)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a challenge, or update its spec and its participants' README.md.")

        @Argument(help: "Folder containing challenge.yaml.") var directory: String
        @Flag(help: "Change the ranking of a phase that has opened; the change is recorded and shown on the leaderboard.")
        var force = false
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let (spec, created) = try ChallengeFolder(directory: URL(fileURLWithPath: directory))
                .register(in: try data.openStore(), now: Date(), force: force)
            print("\(created ? "registered" : "updated") challenge \(spec.slug)")
        }
    }
}
