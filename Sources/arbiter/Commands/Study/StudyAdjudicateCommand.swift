import ArgumentParser
import Challenge
import Foundation
import Store
import Studies

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
