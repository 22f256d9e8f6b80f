import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Store

struct TruthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "truth", abstract: "Manage ground truth (kept in the private store only).",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import ground truth; any problem imports nothing.",
            discussion: """
                Classification: a CSV with case_id,label,split. Lesion and segmentation tasks: a folder or zip/tar \
                archive with cases.csv (case_id,split) and one truth file per case (label volumes, PNG masks, or \
                slides.csv with annotations*.csv, <case>.geojson or <case>.xml outlines).
                """)

        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "The truth CSV (classification) or folder/archive (lesion and segmentation tasks).") var file: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            let spec = try store.challenge(challenge).spec
            guard spec.task.kind == .slideClassification else {
                let files = try LesionTruthImport.read(file, task: spec.task)
                try store.importLesionTruth(files, challenge: challenge, now: Date())
                let publicCount = files.filter { $0.split == .public }.count
                print("imported \(files.count) cases (\(publicCount) public, \(files.count - publicCount) private)")
                return
            }
            let bytes = try readFile(file)
            let truth = try TruthParser.parse(bytes, file: file, task: spec.task)
            try store.importTruth(truth, challenge: challenge, fileSHA256: ContentDigest.sha256(bytes), now: Date())
            let publicCount = truth.cases.filter { $0.split == .public }.count
            print("imported \(truth.cases.count) cases (\(publicCount) public, \(truth.cases.count - publicCount) private)")
        }
    }
}
