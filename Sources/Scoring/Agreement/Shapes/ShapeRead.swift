/// One reader's shapes on one item of a reader study: the input unit of the shape agreement statistics.
///
/// A read with no shapes is a read that found nothing, which is not the same as no read: two readers who both drew
/// nothing on an item agree on it fully, while a reader who never read the item takes no part in its pairs.
public struct ShapeRead: Sendable, Equatable {
    /// The item read (a tile, a region, a slide), as the study names it.
    public let item: String
    /// The reader, as the study names them.
    public let reader: String
    /// The polygons drawn, in level-0 pixels.
    public let polygons: [ClassedPolygon]
    /// The points placed, in level-0 pixels.
    public let points: [ClassedPoint]

    /// The read of `item` by `reader`.
    public init(item: String, reader: String, polygons: [ClassedPolygon] = [], points: [ClassedPoint] = []) {
        self.item = item
        self.reader = reader
        self.polygons = polygons
        self.points = points
    }
}
