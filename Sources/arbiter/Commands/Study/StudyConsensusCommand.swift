import ArgumentParser
import Challenge
import Foundation
import Store
import Studies

/// `arbiter study consensus`: the majority label of each item as a truth CSV that `arbiter truth import` takes.
struct StudyConsensusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "Write the study's consensus as a truth CSV (case_id,label,split) for `arbiter truth import`.",
        discussion: """
            Each item's label is the majority of its readers' latest plain reads, or its adjudicator's decision where \
            the majority tied. Ties not yet decided join the adjudication queue (`arbiter study disputes`); items with \
            fewer reads than the study's min-reads are pending. Neither is written.
            """)

    @OptionGroup var target: StudyTarget
    @Option(help: "Truth CSV to write.") var out: String
    @Option(help: "The split every written case goes to: public or private.") var split: Split = .private

    func run() throws {
        try OutputPath.checkFile(out)
        let study = try target.open()
        let consensus = try study.consensus(now: Date())
        let classes = Set(try study.store.challenge(target.challenge).spec.task.classes.map(\.id))
        if let foreign = consensus.labels.first(where: { !classes.contains($0.label) }) {
            throw ValidationError(
                "item \(foreign.itemID)'s consensus \"\(foreign.label)\" is not a class of challenge \(target.challenge); "
                    + "only a study graded with the challenge's classes gives its truth")
        }
        let adjudicated = consensus.labels.count(where: \.adjudicated)
        print("\(consensus.labels.count) labelled (\(adjudicated) by adjudication), \(consensus.disputed.count) disputed "
              + "(in the adjudication queue), \(consensus.pending.count) pending")
        guard !consensus.labels.isEmpty else { return print("no item has a consensus yet; \(out) not written") }
        try Data(Self.truthCSV(consensus, split: split).utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        print("wrote \(out); import it with `arbiter truth import \(target.challenge) \(out)`")
    }

    /// The labelled items as `truth import` reads them: `case_id,label,split`, every case in `split`.
    static func truthCSV(_ consensus: StudyConsensus, split: Split) -> String {
        consensus.labels.reduce(into: CSVText.line(["case_id", "label", "split"])) { text, item in
            text += CSVText.line([item.itemID, item.label, split.rawValue])
        }
    }
}
