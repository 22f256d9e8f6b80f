import Geometry

/// The lesions annotated on one slide, in level-0 pixels, with regions to cut out of them
/// (ASAP's exclusion group `_2`).
public struct SlideAnnotations: Sendable, Equatable {
    public var lesions: [PolygonRegion]
    public var exclusions: [PolygonRegion]

    public init(lesions: [PolygonRegion] = [], exclusions: [PolygonRegion] = []) {
        self.lesions = lesions
        self.exclusions = exclusions
    }

    /// The lesion mask at a pyramid level: lesion cells minus exclusion cells.
    public func mask(width: Int, height: Int, level: Int) -> [Bool] {
        let lesionMask = PolygonRasterizer.mask(lesions, width: width, height: height, level: level)
        guard !exclusions.isEmpty else { return lesionMask }
        let excluded = PolygonRasterizer.mask(exclusions, width: width, height: height, level: level)
        return zip(lesionMask, excluded).map { $0 && !$1 }
    }
}
