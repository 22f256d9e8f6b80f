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
        let text = consensus.labels.reduce(into: CSVText.line(["case_id", "label", "split"])) { text, item in
            text += CSVText.line([item.itemID, item.label, split.rawValue])
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        print("wrote \(out); import it with `arbiter truth import \(target.challenge) \(out)`")
    }
}

/// `arbiter study disputes`: the adjudication queue.
struct StudyDisputesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disputes", abstract: "List the study's open disputes with each reader's latest label.")

    @OptionGroup var target: StudyTarget

    func run() throws {
        let study = try target.open()
        let open = try study.store.openDisputes(study.study)
        guard !open.isEmpty else { return print("no open disputes") }
        let reads = Dictionary(grouping: try study.latestPlainReads(), by: \.itemID)
        for dispute in open {
            let labels = (reads[dispute.itemID] ?? []).map { "\($0.reader) \($0.label ?? "-")" }.joined(separator: ", ")
            print("#\(dispute.id) \(dispute.itemID): \(dispute.reason) (\(labels))")
        }
    }
}

/// `arbiter study adjudicate`: an adjudicator's label for a disputed item.
struct StudyAdjudicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjudicate", abstract: "Resolve an item's open dispute with an adjudicator's label.")

    @OptionGroup var target: StudyTarget
    @Argument(help: "The disputed item's id.") var item: String
    @Option(help: "The study's adjudicator deciding.") var adjudicator: String
    @Option(help: "The label decided: one of the study's classes.") var label: String
    @Option(help: "A note kept with the decision.") var comment: String?

    func validate() throws {
        if let comment, comment.utf8.count > 10_000 {
            throw ValidationError("--comment has \(comment.utf8.count) bytes; at most 10000 are kept")
        }
    }

    func run() throws {
        let study = try target.open()
        guard study.spec.adjudicators.contains(adjudicator) else {
            let names = study.spec.adjudicators.isEmpty ? "it has none" : "its adjudicators are \(study.spec.adjudicators.joined(separator: ", "))"
            throw ValidationError("--adjudicator \(adjudicator) is not an adjudicator of study \(study.study.name); \(names)")
        }
        let classes = study.spec.questions.label?.names ?? []
        guard classes.contains(label) else {
            throw ValidationError("--label \"\(label)\" is not one of the study's classes (\(classes.joined(separator: ", ")))")
        }
        guard let dispute = try study.store.openDisputes(study.study).first(where: { $0.itemID == item }) else {
            throw ValidationError("item \"\(item)\" of study \(study.study.name) has no open dispute; `arbiter study disputes` lists them")
        }
        try study.store.resolveDispute(
            dispute.id, adjudicator: adjudicator, decision: StudyDecision(label: label, comment: comment), in: study.study, now: Date())
        print("dispute #\(dispute.id) on \(item) resolved: \(label) (by \(adjudicator))")
    }
}
