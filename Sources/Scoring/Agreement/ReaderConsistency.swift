/// How often a reader gave a hidden repeat the label they gave the item the first time: what the API, the CLI's JSON
/// and the report all show of a reader's consistency with themselves.
public struct ReaderConsistency: Sendable, Equatable, Encodable {
    public let reader: String
    /// Items read both plainly and as a hidden repeat, with a label each time.
    public let items: Int
    public let agreeing: Int

    public init(reader: String, items: Int, agreeing: Int) {
        self.reader = reader
        self.items = items
        self.agreeing = agreeing
    }

    /// agreeing / items; NaN without an item read twice.
    public var share: Double { items == 0 ? .nan : Double(agreeing) / Double(items) }

    /// The same reader under another name, such as the anonymised "Reader 2" of the report.
    public func named(_ name: String) -> ReaderConsistency {
        ReaderConsistency(reader: name, items: items, agreeing: agreeing)
    }

    /// `reader`, `items`, `agreeing` and `share`, which is null without an item read twice.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reader, forKey: .reader)
        try container.encode(items, forKey: .items)
        try container.encode(agreeing, forKey: .agreeing)
        try container.encode(items == 0 ? nil : share, forKey: .share)
    }

    private enum CodingKeys: String, CodingKey { case reader, items, agreeing, share }
}
