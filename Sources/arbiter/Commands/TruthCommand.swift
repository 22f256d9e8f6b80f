import ArgumentParser
import Challenge
import Foundation
import Store

struct TruthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "truth", abstract: "Manage ground truth (kept in the private store only).",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import ground truth from a CSV with columns case_id,label,split; any problem imports nothing.")

        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "CSV file with case_id,label,split (split is public or private).") var file: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            let spec = try store.challenge(challenge).spec
            let bytes = try readFile(file)
            let truth = try TruthParser.parse(bytes, file: file, task: spec.task)
            try store.importTruth(truth, challenge: challenge, fileSHA256: BlobStore.digest(bytes), now: Date())
            let publicCount = truth.cases.filter { $0.split == .public }.count
            print("imported \(truth.cases.count) cases (\(publicCount) public, \(truth.cases.count - publicCount) private)")
        }
    }
}
