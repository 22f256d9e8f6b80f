import Foundation
import Store
import Studies

/// A dispute as its adjudicator sees it: the item, why it is disputed and, while it is open, the latest plain read
/// of each of its readers side by side.
struct DisputeView: Encodable, Sendable {
    let id: Int64
    let itemID: String
    let kind: String
    let item: ItemDescription?
    let reason: String
    let openedAt: Date
    let reads: [Read]
    let decision: Decision?
    let decisionURL: String
    /// The item's picture (PNG) while the dispute is open, when the study has one.
    let imageURL: String?

    struct Read: Encodable, Sendable {
        let reader: String
        let version: Int
        let createdAt: Date
        let secondsSpent: Double
        let label: String?
        let shapes: String?
        let comment: String?
    }

    struct Decision: Encodable, Sendable {
        let adjudicator: String
        let decidedAt: Date
        let label: String?
        let shapes: String?
        let comment: String?
    }

    /// `reads`: the item's latest plain reads; shown only for an open dispute.
    init(_ dispute: StudyDispute, item: StudyItem?, reads: [StudyRead], study: StoredStudy) {
        id = dispute.id
        itemID = dispute.itemID
        kind = item?.kind ?? "unknown"
        let description = item.flatMap(ItemDescription.init)
        self.item = description?.with(image: nil)
        reason = dispute.reason
        openedAt = dispute.openedAt
        self.reads = dispute.isOpen
            ? reads.filter { $0.itemID == dispute.itemID && !$0.isRepeat }.map {
                Read(reader: $0.reader, version: $0.version, createdAt: $0.createdAt, secondsSpent: $0.secondsSpent, label: $0.label,
                     shapes: $0.shapes, comment: $0.comment)
            }
            : []
        decision = dispute.decision.map {
            Decision(adjudicator: $0.adjudicator, decidedAt: $0.decidedAt, label: $0.decision.label, shapes: $0.decision.shapes,
                     comment: $0.decision.comment)
        }
        decisionURL = AssignmentView.studyURL(study) + "/disputes/\(dispute.id)/decision"
        imageURL = description?.image == nil || !dispute.isOpen ? nil : AssignmentView.studyURL(study) + "/disputes/\(dispute.id)/image"
    }
}
