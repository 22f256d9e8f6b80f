import Challenge
import Foundation
import Scoring
import Store

/// The labels a study's reads settle on: each item's majority, or its adjudicator's decision where the majority tied.
public struct StudyConsensus: Sendable, Equatable {
    public struct Label: Sendable, Equatable {
        public let itemID: String
        public let label: String
        /// Reads per class, in the classes' order.
        public let votes: [Int]
        /// True when an adjudicator decided it.
        public let adjudicated: Bool

        public init(itemID: String, label: String, votes: [Int], adjudicated: Bool) {
            self.itemID = itemID
            self.label = label
            self.votes = votes
            self.adjudicated = adjudicated
        }
    }

    /// Items with a label, in the study's order.
    public let labels: [Label]
    /// Items waiting in the adjudication queue.
    public let disputed: [String]
    /// Items with fewer plain reads than the truth rule's `min-reads`.
    public let pending: [String]
}

extension ReaderStudy {
    /// The majority of each item's latest plain labels. An item with fewer than `min-reads` reads is pending; a tie
    /// goes to the adjudication queue (opened here, once), and an adjudicator's label settles it.
    /// `reads`: the latest plain reads to decide from (nil: read them now).
    public func consensus(now: Date, reads: [StudyRead]? = nil) throws -> StudyConsensus {
        let table = try labelTable(reads)
        let decided = Dictionary(try store.disputes(study, openOnly: false).compactMap { dispute in
            dispute.decision?.decision.label.map { (dispute.itemID, $0) }
        }, uniquingKeysWith: { _, last in last })
        let vote = MajorityVote(table)
        var labels: [StudyConsensus.Label] = []
        var disputed: [String] = []
        var pending = Set(try store.studyItems(study).map(\.itemID)).subtracting(table.itemIDs)
        for decision in vote.decisions {
            if table.readCount(item: decision.item) < minimumReads { pending.insert(decision.itemID); continue }
            labels.append(.init(itemID: decision.itemID, label: table.categories[decision.label], votes: decision.votes, adjudicated: false))
        }
        for tie in vote.adjudication {
            if table.readCount(item: tie.item) < minimumReads { pending.insert(tie.itemID); continue }
            if let label = decided[tie.itemID] {
                labels.append(.init(itemID: tie.itemID, label: label, votes: tie.votes, adjudicated: true))
            } else {
                let tied = tie.tiedLabels.map { table.categories[$0] }.joined(separator: ", ")
                try store.openDispute(item: tie.itemID, reason: "majority tied between \(tied)", in: study, now: now)
                disputed.append(tie.itemID)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: table.itemIDs.enumerated().map { ($1, $0) })
        return StudyConsensus(labels: labels.sorted { order[$0.itemID]! < order[$1.itemID]! }, disputed: disputed,
                              pending: pending.sorted())
    }
}

extension ReaderStudy {
    /// The fewest plain reads an item needs before its consensus counts: the truth rule's, else the least every item
    /// gets under the study's assignment.
    public var minimumReads: Int {
        spec.truth?.minimumReads ?? spec.assignment.leastReads(readsPerItem: spec.readsPerItem)
    }
}
