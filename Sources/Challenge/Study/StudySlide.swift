/// A whole slide read as one item.
public struct StudySlide: Sendable, Equatable, Codable {
    /// The item's id, unique in the study (it becomes the case id of the truth a consensus writes).
    public let id: String
    /// The slide's name (its file name without extension).
    public let slide: String

    public init(id: String, slide: String) {
        self.id = id
        self.slide = slide
    }
}
