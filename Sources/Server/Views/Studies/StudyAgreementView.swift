import Foundation
import Scoring
import Studies

/// Label agreement over a study's latest plain reads, each reader's consistency with themselves on hidden repeats, and
/// the agreement of their shapes.
struct StudyAgreementView: Encodable, Sendable {
    /// Nil for a study that asks no label question.
    let agreement: AgreementReport?
    let selfConsistency: [ReaderConsistency]
    /// Nil for a study that asks for no shapes.
    let shapes: ShapeAgreementReport?

    init(_ report: AgreementReport?, consistency: [ReaderConsistency], shapes: ShapeAgreementReport?) {
        agreement = report
        self.shapes = shapes
        selfConsistency = consistency
    }
}
