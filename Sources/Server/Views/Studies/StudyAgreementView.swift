import Foundation
import Studies

/// Label agreement over a study's latest plain reads, and each reader's consistency with themselves on hidden repeats.
struct StudyAgreementView: Encodable, Sendable {
    let agreement: AgreementReport
    let selfConsistency: [Consistency]

    struct Consistency: Encodable, Sendable {
        let reader: String
        let items: Int
        let agreeing: Int
        /// agreeing / items; nil without an item read twice.
        let share: Double?
    }

    init(_ report: AgreementReport, consistency: [ReaderConsistency]) {
        agreement = report
        selfConsistency = consistency.map {
            Consistency(reader: $0.reader, items: $0.items, agreeing: $0.agreeing, share: $0.items == 0 ? nil : $0.share)
        }
    }
}
