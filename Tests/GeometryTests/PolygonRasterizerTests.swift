import Geometry
import Testing

@Suite("Polygon rasterizer")
struct PolygonRasterizerTests {
    @Test func polygonWithCoordinatesNearTheLimitsOfADoubleFillsTheGridInsteadOfTrapping() {
        let huge = 1e308
        let region = PolygonRegion(rings: [[
            PlanePoint(x: -huge, y: -huge), PlanePoint(x: huge, y: -huge), PlanePoint(x: huge, y: huge), PlanePoint(x: -huge, y: huge),
        ]])
        let mask = PolygonRasterizer.mask([region], width: 8, height: 4, level: 0)
        #expect(mask == [Bool](repeating: true, count: 32))
    }

    @Test func polygonEntirelyLeftOrRightOfTheGridSetsNothing() {
        let far = 1e300
        let left = PolygonRegion(rings: [[PlanePoint(x: -far, y: 0), PlanePoint(x: -far / 2, y: 0), PlanePoint(x: -far / 2, y: 4)]])
        let right = PolygonRegion(rings: [[PlanePoint(x: far / 2, y: 0), PlanePoint(x: far, y: 0), PlanePoint(x: far, y: 4)]])
        #expect(!PolygonRasterizer.mask([left, right], width: 8, height: 4, level: 0).contains(true))
    }
}
