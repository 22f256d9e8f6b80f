import ArgumentParser
import Challenge
import Foundation
import Store
import Studies

/// `arbiter study …`: reader studies, thin over the Studies module.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study", abstract: "Reader studies: readers' tokens, progress, reads, agreement, consensus and adjudication.",
        subcommands: [
            StudyAddCommand.self, List.self, Progress.self, StudyImportCommand.self, StudyExportCommand.self, StudyReadsCommand.self,
            StudyAnnotationsCommand.self, StudyAgreementCommand.self, StudyConsensusCommand.self, StudyDisputesCommand.self,
            StudyAdjudicateCommand.self,
        ])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a challenge's studies.")

        @Argument(help: "Challenge slug.") var challenge: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            let studies = try store.studies(challenge: challenge)
            guard !studies.isEmpty else {
                print("challenge \(challenge) has no study; add one with `arbiter study add DIR`")
                return
            }
            for stored in studies {
                let study = try ReaderStudy(store: store, challenge: challenge, slug: stored.slug)
                let items = try store.studyItems(stored).count
                let reads = try store.latestReads(stored).count
                let open = try store.openDisputes(stored).count
                print("\(stored.slug): \(study.spec.title); \(items) items, \(study.spec.readers.count) readers, "
                      + "\(study.spec.readsPerItem) reads per item (\(study.spec.assignment.rawValue)); \(reads) reads, \(open) open disputes")
            }
        }
    }

    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How far each reader is: items read of those assigned; hidden repeats only as a count.", aliases: ["status"])

        @OptionGroup var target: StudyTarget

        func run() throws {
            let study = try target.open()
            for reader in study.spec.readers {
                let progress = try study.store.progress(of: reader, in: study.study)
                let repeats = progress.assignments.count(where: \.assignment.isRepeat)
                let note = repeats == 0 ? "" : " (including \(repeats) hidden repeat\(repeats == 1 ? "" : "s"))"
                print("\(reader): \(progress.completed) of \(progress.total) read\(note)")
            }
            let open = try study.store.openDisputes(study.study).count
            print("adjudication queue: \(open) open dispute\(open == 1 ? "" : "s")")
        }
    }
}

/// The challenge and study a study command works on, and the store they are in.
struct StudyTarget: ParsableArguments {
    @Argument(help: "Challenge slug.") var challenge: String
    @Argument(help: "Study slug (as `study list` prints it).") var study: String
    @OptionGroup var data: DataDirectoryOption

    func open() throws -> ReaderStudy {
        try ReaderStudy(store: try data.openStore(), challenge: challenge, slug: study)
    }
}
