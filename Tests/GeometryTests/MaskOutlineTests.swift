import Geometry
import Testing

/// Tracing masks back into polygons: outlines with their holes, which rasterise back to the mask exactly.
@Suite("Mask outline")
struct MaskOutlineTests {
    /// A mask drawn as text, one row per line: `#` set, `.` not.
    static func mask(_ rows: [String]) -> (cells: [Bool], width: Int, height: Int) {
        (rows.flatMap { $0.map { $0 == "#" } }, rows[0].count, rows.count)
    }

    static func point(_ x: Double, _ y: Double) -> PlanePoint { PlanePoint(x: x, y: y) }

    @Test func aLoneCellIsItsFourCornersClockwiseOnScreenFromTheTopLeft() {
        let regions = MaskOutline.regions([false, false, false, true], width: 2, height: 2)
        #expect(regions == [PolygonRegion(rings: [[Self.point(1, 1), Self.point(2, 1), Self.point(2, 2), Self.point(1, 2)]])])
    }

    @Test func aRectangleMergesCollinearEdgesIntoFourVertices() {
        let (cells, width, height) = Self.mask(["......", ".####.", ".####.", "......"])
        let regions = MaskOutline.regions(cells, width: width, height: height)
        #expect(regions.count == 1 && regions[0].rings.count == 1 && regions[0].rings[0].count == 4)
        #expect(Set(regions[0].rings[0].map { "\($0.x),\($0.y)" }) == ["1.0,1.0", "5.0,1.0", "5.0,3.0", "1.0,3.0"])
    }

    @Test func aRingIsOneOutlineWithOneHole() {
        let (cells, width, height) = Self.mask(["#####", "#...#", "#.#.#", "#...#", "#####"])
        let regions = MaskOutline.regions(cells, width: width, height: height)
        // The outer ring with its hole, and the lone cell inside the hole as a region of its own.
        #expect(regions.map(\.rings.count) == [2, 1])
        #expect(PolygonRasterizer.mask(regions, width: width, height: height, level: 0) == cells)
    }

    @Test func cellsTouchingAtACornerShareOneOutline() {
        let (cells, width, height) = Self.mask(["#.", ".#"])
        let regions = MaskOutline.regions(cells, width: width, height: height)
        #expect(regions.count == 1 && regions[0].rings.count == 1)
        #expect(PolygonRasterizer.mask(regions, width: width, height: height, level: 0) == cells)
    }

    @Test func anEmptyMaskHasNoRegions() {
        #expect(MaskOutline.regions([Bool](repeating: false, count: 12), width: 4, height: 3).isEmpty)
    }

    @Test func randomMasksRasteriseBackExactly() {
        for (trial, mask) in Self.randomMasks(200, seed: 0x9E37_79B9_7F4A_7C15, smallest: 1, widths: 13, heights: 11, percentSet: 45).enumerated() {
            let regions = MaskOutline.regions(mask.cells, width: mask.width, height: mask.height)
            #expect(PolygonRasterizer.mask(regions, width: mask.width, height: mask.height, level: 0) == mask.cells, "trial \(trial)")
        }
    }

    @Test func holeFreeOutlinesHaveOneRingEachAndRasteriseBackExactly() {
        for (trial, mask) in Self.randomMasks(100, seed: 0x2545_F491_4F6C_DD1D, smallest: 3, widths: 9, heights: 8, percentSet: 60).enumerated() {
            let regions = MaskOutline.holeFreeRegions(mask.cells, width: mask.width, height: mask.height)
            #expect(regions.allSatisfy { $0.rings.count == 1 }, "trial \(trial)")
            #expect(PolygonRasterizer.mask(regions, width: mask.width, height: mask.height, level: 0) == mask.cells, "trial \(trial)")
        }
    }

    /// `count` masks of `smallest`… cells a side (cycling through `widths` and `heights` sizes), each cell set with
    /// `percentSet` percent chance, from a seeded linear congruential generator so every run draws the same masks.
    static func randomMasks(_ count: Int, seed: UInt64, smallest: Int, widths: Int, heights: Int, percentSet: UInt64)
        -> [(cells: [Bool], width: Int, height: Int)] {
        var state = seed
        return (0..<count).map { trial in
            let width = smallest + trial % widths
            let height = smallest + (trial / widths) % heights
            let cells = (0..<(width * height)).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return (state >> 33) % 100 < percentSet
            }
            return (cells, width, height)
        }
    }
}
