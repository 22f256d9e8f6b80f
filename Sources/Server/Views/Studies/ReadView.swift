import Foundation
import Store

/// One stored version of the caller's own read, named by the assignment's ordinal: neither the item's id nor
/// whether the assignment is a hidden repeat.
struct ReadView: Encodable, Sendable {
    let ordinal: Int
    let version: Int
    let createdAt: Date
    let secondsSpent: Double
    let label: String?
    /// The shapes as stored: QuPath GeoJSON text.
    let shapes: String?
    let comment: String?
    let idempotencyKey: String?

    init(_ read: StudyRead, ordinal: Int) {
        self.ordinal = ordinal
        version = read.version
        createdAt = read.createdAt
        secondsSpent = read.secondsSpent
        label = read.label
        shapes = read.shapes
        comment = read.comment
        idempotencyKey = read.idempotencyKey
    }
}
