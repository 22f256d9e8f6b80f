import Foundation
import Studies

/// Label agreement over a study's latest plain reads, each reader's consistency with themselves on hidden repeats, and
/// the agreement of their shapes.
struct StudyAgreementView: Encodable, Sendable {
    /// Nil for a study that asks no label question.
    let agreement: AgreementReport?
    let selfConsistency: [Consistency]
    /// Nil for a study that asks for no shapes.
    let shapes: ShapeAgreementReport?

    struct Consistency: Encodable, Sendable {
        let reader: String
        let items: Int
        let agreeing: Int
        /// agreeing / items; nil without an item read twice.
        let share: Double?
    }

    init(_ report: AgreementReport?, consistency: [ReaderConsistency], shapes: ShapeAgreementReport?) {
        agreement = report
        self.shapes = shapes
        selfConsistency = consistency.map {
            Consistency(reader: $0.reader, items: $0.items, agreeing: $0.agreeing, share: $0.items == 0 ? nil : $0.share)
        }
    }
}
