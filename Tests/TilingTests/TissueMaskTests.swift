import Foundation
import Imaging
import Testing
import TestSupport
@testable import Tiling

/// Tissue detection: Otsu on HSV saturation, specks removed, small holes filled.
@Suite struct TissueMaskTests {
    /// A white 100 x 100 picture with a pink disc (radius 30, a 4 x 4 white hole at its centre) and a 2 x 2 pink speck.
    static func pinkDisc() -> [UInt8] {
        var rgb = [UInt8](repeating: 255, count: 100 * 100 * 3)
        func paint(_ x: Int, _ y: Int) { rgb[(y * 100 + x) * 3 + 1] = 120; rgb[(y * 100 + x) * 3 + 2] = 200 }
        for y in 0..<100 {
            for x in 0..<100 where (x - 50) * (x - 50) + (y - 50) * (y - 50) <= 900 && !((48..<52).contains(x) && (48..<52).contains(y)) { paint(x, y) }
        }
        for (x, y) in [(5, 5), (6, 5), (5, 6), (6, 6)] { paint(x, y) }
        return rgb
    }

    @Test func discIsTissueWithItsHoleFilledAndTheSpeckRemoved() {
        let mask = TissueMask(thumbnail: Self.pinkDisc(), width: 100, height: 100, scaleX: 4, scaleY: 4)
        for y in 0..<100 {
            for x in 0..<100 {
                let inDisc = (x - 50) * (x - 50) + (y - 50) * (y - 50) <= 900
                #expect(mask.cells[y * 100 + x] == inDisc, "cell (\(x), \(y))")
            }
        }
    }

    @Test func blankPictureHasNoTissue() {
        let mask = TissueMask(thumbnail: [UInt8](repeating: 250, count: 64 * 64 * 3), width: 64, height: 64, scaleX: 1, scaleY: 1)
        #expect(mask.tissueFraction == 0)
    }

    @Test func fractionsAreMeasuredInLevelZeroPixels() {
        let mask = TissueMask(thumbnail: Self.pinkDisc(), width: 100, height: 100, scaleX: 4, scaleY: 4)
        #expect(mask.tissueFraction(x: 180, y: 180, width: 40, height: 40) == 1)
        #expect(mask.tissueFraction(x: 0, y: 0, width: 40, height: 40) == 0)
        #expect(mask.tissueFraction(x: 200, y: 0, width: 4, height: 400) == Double(61) / 100)
        #expect(mask.tissueFraction(x: 500, y: 500, width: 40, height: 40) == 0)
    }

    @Test func otsuSplitsTwoModesBetweenThem() {
        var histogram = [Int](repeating: 0, count: 256)
        histogram[10] = 500
        histogram[12] = 300
        histogram[150] = 200
        histogram[160] = 100
        let threshold = OtsuThreshold.threshold(histogram)
        #expect((12..<150).contains(threshold))
    }

    @Test(.enabled(if: RepositoryFiles.sharedDataPresent, "../shared/data is absent"))
    func realSlideHasTissueAndBackground() throws {
        let thumbnail = try SlideThumbnail(slide: Slide(path: RepositoryFiles.path("../shared/data/wsi/CMU-1-Small-Region.svs")), longestSide: 512)
        #expect(max(thumbnail.width, thumbnail.height) <= 512 && max(thumbnail.width, thumbnail.height) > 256)
        let fraction = thumbnail.tissueMask.tissueFraction
        #expect(fraction > 0.2 && fraction < 0.95, "tissue fraction \(fraction)")
    }
}
