import ArgumentParser
import Challenge
import Foundation
import Store
import Studies

/// `arbiter study consensus`: the majority label of each item as a truth CSV that `arbiter truth import` takes, with
/// its provenance in `<out>.provenance.json` beside it.
struct StudyConsensusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "Write the study's consensus as a truth CSV (case_id,label,split) for `arbiter truth import`.",
        discussion: """
            Each item's label is the majority of its readers' latest plain reads, or its adjudicator's decision where \
            the majority tied. Ties not yet decided join the adjudication queue (`arbiter study disputes`); items with \
            fewer reads than the study's min-reads are pending. Neither is written.

            The CSV holds only case_id,label,split, as `truth import` allows no other column. Its provenance goes \
            beside it in <out>.provenance.json: the CSV's SHA-256, the recipe (method, min-reads, tie handling, the \
            study spec's SHA-256), Krippendorff's alpha (nominal and ordinal) of the reads, and for each item its votes \
            per class and the read versions (id, reader, version) that cast them.
            """)

    @OptionGroup var target: StudyTarget
    @Option(help: "Truth CSV to write; its provenance goes to <out>.provenance.json.") var out: String
    @Option(help: "The split every written case goes to: public or private.") var split: Split = .private

    func run() throws {
        try OutputPath.checkFile(out)
        let sidecar = ConsensusProvenance.path(besideTruth: out)
        let study = try target.open()
        let truth = try study.consensusTruth(now: Date(), split: split, truthFile: URL(fileURLWithPath: out).lastPathComponent)
        let consensus = truth.consensus
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
        try Data(truth.csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        try truth.provenance.json().write(to: URL(fileURLWithPath: sidecar), options: .atomic)
        print("wrote \(out) and its provenance \(sidecar); import it with `arbiter truth import \(target.challenge) \(out)`")
    }

    /// The labelled items as `truth import` reads them: `case_id,label,split`, every case in `split`.
    static func truthCSV(_ consensus: StudyConsensus, split: Split) -> String {
        consensus.truthCSV(split: split)
    }
}
