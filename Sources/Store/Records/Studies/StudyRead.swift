import Foundation

/// A read to append: a new version of a reader's read of one assigned item.
public struct NewStudyRead: Sendable, Equatable {
    public let itemID: String
    public let reader: String
    /// Which of the reader's assignments of the item: the plain one, or its hidden repeat.
    public let isRepeat: Bool
    public let secondsSpent: Double
    public let label: String?
    /// The shapes drawn, as the text the Studies module writes (QuPath GeoJSON).
    public let shapes: String?
    public let comment: String?
    /// The client's key for this save: a save retried with the same key returns the version it stored.
    public let idempotencyKey: String?

    public init(
        itemID: String, reader: String, isRepeat: Bool = false, secondsSpent: Double, label: String? = nil, shapes: String? = nil,
        comment: String? = nil, idempotencyKey: String? = nil
    ) {
        self.itemID = itemID
        self.reader = reader
        self.isRepeat = isRepeat
        self.secondsSpent = secondsSpent
        self.label = label
        self.shapes = shapes
        self.comment = comment
        self.idempotencyKey = idempotencyKey
    }
}

/// One stored version of a read. Versions of an (item, reader, assignment) count 1, 2, 3… and are never changed or
/// removed: an edit is a new version.
public struct StudyRead: Sendable, Equatable {
    public let id: Int64
    public let itemID: String
    public let reader: String
    public let isRepeat: Bool
    public let version: Int
    public let createdAt: Date
    public let secondsSpent: Double
    public let label: String?
    public let shapes: String?
    public let comment: String?
    public let idempotencyKey: String?
}
