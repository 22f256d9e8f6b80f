import Foundation
import Studies

/// The consensus labels of a study: each settled item with its votes per class, and the items still disputed or pending.
struct StudyConsensusView: Encodable, Sendable {
    /// The classes the votes count, in order.
    let classes: [String]
    let labels: [Label]
    let disputed: [String]
    let pending: [String]

    struct Label: Encodable, Sendable {
        let itemID: String
        let label: String
        let votes: [Int]
        let adjudicated: Bool
    }

    init(_ consensus: StudyConsensus, classes: [String]) {
        self.classes = classes
        labels = consensus.labels.map { Label(itemID: $0.itemID, label: $0.label, votes: $0.votes, adjudicated: $0.adjudicated) }
        disputed = consensus.disputed
        pending = consensus.pending
    }
}
