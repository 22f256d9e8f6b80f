/// A rectangle of a whole-slide image read as one item.
public struct StudyRegion: Sendable, Equatable, Codable {
    /// The item's id, unique in the study (it becomes the case id of the truth a consensus writes).
    public let id: String
    /// The slide's name (its file name without extension, as `arbiter tiles export` names slides).
    public let slide: String
    /// The rectangle in level-0 pixels.
    public let box: RegionBox
    /// Microns per pixel at which the region is shown; nil shows it at level 0.
    public let mpp: Double?

    public init(id: String, slide: String, box: RegionBox, mpp: Double? = nil) {
        self.id = id
        self.slide = slide
        self.box = box
        self.mpp = mpp
    }
}
