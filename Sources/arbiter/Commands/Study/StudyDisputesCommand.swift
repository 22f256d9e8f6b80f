import ArgumentParser
import Challenge
import Foundation
import Store
import Studies

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
