/// One thing a study's readers read: a tile, a whole-slide region or a slide, described by the caller.
public struct StudyItem: Sendable, Equatable, Codable {
    /// Unique within the study.
    public let itemID: String
    /// What the item is (`tile`, `region`, `slide`), as the Studies module names it.
    public let kind: String
    /// The caller's description of the item, typically JSON (a slide and a level-0 box); the store keeps it as text.
    public let description: String

    public init(itemID: String, kind: String, description: String) {
        self.itemID = itemID
        self.kind = kind
        self.description = description
    }
}
