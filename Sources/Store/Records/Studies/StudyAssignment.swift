/// An item given to a reader: unique per (item, reader, repeat), listed to the reader by `ordinal`.
public struct StudyAssignment: Sendable, Equatable {
    public let itemID: String
    public let reader: String
    /// The place in the reader's sequence (ascending).
    public let ordinal: Int
    /// How the item is shown, such as `rotate90` or `flip-horizontal` for a hidden repeat; nil shows it as it is.
    public let transform: String?
    /// Whether this is the hidden repeat of an item the reader also reads plainly.
    public let isRepeat: Bool

    public init(itemID: String, reader: String, ordinal: Int, transform: String? = nil, isRepeat: Bool = false) {
        self.itemID = itemID
        self.reader = reader
        self.ordinal = ordinal
        self.transform = transform
        self.isRepeat = isRepeat
    }
}

/// An assignment with how many versions of its read are stored.
public struct AssignedItem: Sendable, Equatable {
    public let assignment: StudyAssignment
    public let versions: Int

    /// Whether the reader has saved at least one read of it.
    public var isRead: Bool { versions > 0 }
}

/// A reader's assignments in order, and how many of them have at least one read.
public struct ReaderProgress: Sendable, Equatable {
    public let reader: String
    public let assignments: [AssignedItem]

    public var completed: Int { assignments.count(where: \.isRead) }
    public var total: Int { assignments.count }
    /// The first assignment without a read, in order.
    public var next: AssignedItem? { assignments.first { !$0.isRead } }
}
