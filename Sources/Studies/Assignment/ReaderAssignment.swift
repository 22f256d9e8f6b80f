/// One item on one reader's list: which item, at which place, and for a hidden repeat the transform it is shown under.
public struct ReaderAssignment<Transform: Hashable & Sendable>: Hashable, Sendable {
    public let item: String
    public let reader: String
    /// The item's place on the reader's list, from 0.
    public let ordinal: Int
    /// Nil for a first reading; for a hidden repeat, how the item is turned or flipped so it is not recognised.
    public let repeatTransform: Transform?

    public init(item: String, reader: String, ordinal: Int, repeatTransform: Transform? = nil) {
        self.item = item
        self.reader = reader
        self.ordinal = ordinal
        self.repeatTransform = repeatTransform
    }

    public var isRepeat: Bool { repeatTransform != nil }
}
