import Annotations
import Challenge
import Geometry
import Studies
import Testing

/// A reader's shapes travel in the frame it is shown the item in; the store keeps them on the slide.
@Suite("Item frames")
struct ItemFrameTests {
    static let box = RegionBox(x: 100, y: 40, width: 3, height: 2)

    @Test(arguments: [nil] + RepeatTransform.allCases)
    func slideAndShownPointsAreInversesOfEachOther(transform: RepeatTransform?) {
        let frame = ItemFrame(box: Self.box, transform: transform)
        for point in [PlanePoint(x: 0, y: 0), PlanePoint(x: 0.5, y: 1.25), PlanePoint(x: 3, y: 2), PlanePoint(x: 2.75, y: 0.1)] {
            let shown = frame.shownPoint(frame.slidePoint(point))
            #expect(abs(shown.x - point.x) < 1e-12 && abs(shown.y - point.y) < 1e-12, "\(String(describing: transform)) \(point)")
        }
    }

    @Test func aQuarterTurnSwapsTheShownSize() {
        #expect(ItemFrame(box: Self.box, transform: .rotate90).shownSize == (2, 3))
        #expect(ItemFrame(box: Self.box, transform: .flipVertical).shownSize == (3, 2))
    }

    @Test func aBoxStaysABoxAndAMirroredRingKeepsItsWinding() {
        let frame = ItemFrame(box: RegionBox(x: 10, y: 20, width: 100, height: 50), transform: .flipHorizontal)
        let ring = [PlanePoint(x: 0, y: 0), PlanePoint(x: 10, y: 0), PlanePoint(x: 10, y: 10)]
        let shown = ShapeSet([.box(PlaneBox(x: 0, y: 0, width: 10, height: 5), className: "tumour"), .polygon(PolygonRegion(rings: [ring]))])
        let slide = frame.slideShapes(shown)
        #expect(slide.shapes[0] == .box(PlaneBox(x: 100, y: 20, maxX: 110, maxY: 25), className: "tumour"))
        #expect(slide.shapes[1].geometry.region?.rings.first == [PlanePoint(x: 100, y: 30), PlanePoint(x: 100, y: 20), PlanePoint(x: 110, y: 20)])
        // Mapped out and back, a mirrored ring is reversed twice: the shapes as drawn.
        #expect(frame.shownShapes(slide) == shown)
    }

    @Test func aReadsTextIsRewrittenOnTheSlideAndBack() throws {
        let frame = ItemFrame(box: RegionBox(x: 1000, y: 2000, width: 512, height: 256), transform: .rotate90)
        let sent = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[10,20]},"properties":{"classification":{"name":"tumour"}}}]}"#
        let stored = try frame.slideText(sent, item: "r1")
        // Shown (10, 20) of a quarter-turned 512 × 256 item is its (20, 256 − 10), on the slide at the box's corner.
        #expect(stored.contains("[1020, 2246]"), "\(stored)")
        #expect(try frame.shownText(stored, item: "r1").contains("[10, 20]"))
    }

    @Test func shapesThatAreNotGeoJSONAreRefusedAsTheValidatorRefusesThem() {
        let frame = ItemFrame(box: Self.box, transform: nil)
        #expect(throws: StudyError.self) { try frame.slideText("{", item: "r1") }
    }
}
