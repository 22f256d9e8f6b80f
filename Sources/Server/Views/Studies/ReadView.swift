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
    /// The shapes as QuPath GeoJSON text, in the frame the reader is shown the item in.
    let shapes: String?
    let comment: String?
    let idempotencyKey: String?

    /// `shapes`: the read's shapes mapped to the reader's frame (`ItemFrame.shownText`).
    init(_ read: StudyRead, ordinal: Int, shapes: String?) {
        self.ordinal = ordinal
        version = read.version
        createdAt = read.createdAt
        secondsSpent = read.secondsSpent
        label = read.label
        self.shapes = shapes
        comment = read.comment
        idempotencyKey = read.idempotencyKey
    }
}
