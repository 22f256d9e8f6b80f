import Annotations
import Challenge
import Geometry
import Scoring
import Store

extension ReaderStudy {
    /// The most cells an item is rasterised into for Dice (2048 × 2048): a larger box is compared at the first pyramid
    /// level that fits, as a viewer would show it.
    public static let maximumDiceCells = 1 << 22

    /// Pairwise agreement of the readers' shapes over their latest plain reads: Dice of their polygons and boxes,
    /// rasterised on each item's box (items without a box, such as whole slides, are left out), and F1 of their points
    /// matched within `pointRadius` level-0 pixels. Nil where no item has two readers' shapes of that kind.
    public func shapeAgreement(pointRadius: Double) throws -> (polygons: ShapeAgreement?, points: ShapeAgreement?) {
        let reads = try latestPlainReads().compactMap { read -> ShapeRead? in
            guard let text = read.shapes else { return nil }
            return Self.shapeRead(try ReadValidator.shapeSet(text, item: read.itemID), item: read.itemID, reader: read.reader)
        }
        guard !reads.isEmpty else { return (nil, nil) }
        let boxed = try Self.grids(try store.studyItems(study))
        let polygonReads = try ShapeReads(reads.filter { boxed[$0.item] != nil })
        let pointReads = try ShapeReads(reads)
        let polygons = polygonReads.polygonClassNames.isEmpty ? nil : try PolygonDice.agreement(polygonReads, grids: boxed)
        let points = pointReads.pointClassNames.isEmpty ? nil : try PointAgreement.agreement(pointReads, radius: pointRadius)
        return (polygons, points)
    }

    /// One reader's shapes as Scoring sees them: boxes count as polygons; shapes without a class are "unclassified".
    static func shapeRead(_ set: ShapeSet, item: String, reader: String) -> ShapeRead {
        var polygons: [ClassedPolygon] = []
        var points: [ClassedPoint] = []
        for shape in set.shapes {
            let name = shape.className ?? "unclassified"
            switch shape.geometry {
            case .point(let point): points.append(ClassedPoint(className: name, point: point))
            case .polygon(let region): polygons.append(ClassedPolygon(className: name, region: region))
            case .box(let box): polygons.append(ClassedPolygon(className: name, region: box.region))
            }
        }
        return ShapeRead(item: item, reader: reader, polygons: polygons, points: points)
    }

    /// The grid of each item with a box, at the finest level within `maximumDiceCells`.
    static func grids(_ items: [StudyItem]) throws -> [String: ItemGrid] {
        var grids: [String: ItemGrid] = [:]
        for item in items {
            guard let box = ItemDescription(item)?.regionBox else { continue }
            var level = 0
            while level < 30, ((box.width >> level) + 1) * ((box.height >> level) + 1) > maximumDiceCells { level += 1 }
            grids[item.itemID] = try ItemGrid(originX: box.x, originY: box.y, width: box.width, height: box.height, level: level)
        }
        return grids
    }
}
