import Testing
@testable import Tiling

/// The 2 x 2 average that builds Deep Zoom levels that are not slide levels.
@Suite struct BoxReductionTests {
    static func image(width: Int, height: Int) -> [UInt8] {
        (0..<(width * height * 4)).map { $0 % 4 == 3 ? 255 : UInt8(truncatingIfNeeded: $0 &* 37 &+ $0 / 7) }
    }

    static func reference(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        let (childWidth, childHeight) = ((width + 1) / 2, (height + 1) / 2)
        var out = [UInt8](repeating: 0, count: childWidth * childHeight * 4)
        for y in 0..<childHeight {
            for x in 0..<childWidth {
                for c in 0..<4 {
                    var sum = 0
                    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        let (sx, sy) = (min(2 * x + dx, width - 1), min(2 * y + dy, height - 1))
                        sum += Int(pixels[(sy * width + sx) * 4 + c])
                    }
                    out[(y * childWidth + x) * 4 + c] = UInt8((sum + 2) / 4)
                }
            }
        }
        return out
    }

    @Test(arguments: [(8, 6), (7, 5), (1, 1), (9, 1), (1, 9)])
    func roundedMeanOfBlocksWithOddEdgesRepeated(width: Int, height: Int) {
        let pixels = Self.image(width: width, height: height)
        var reduction = BoxReduction(parentWidth: width, parentHeight: height)
        let (out, rows) = pixels.withUnsafeBytes { reduction.reduce($0, count: height) }
        #expect(rows == (height + 1) / 2)
        #expect(out == Self.reference(pixels, width: width, height: height))
    }

    @Test func rowsArrivingInPiecesGiveTheSameLevel() {
        let (width, height) = (11, 13)
        let pixels = Self.image(width: width, height: height)
        var reduction = BoxReduction(parentWidth: width, parentHeight: height)
        var out: [UInt8] = []
        var top = 0
        for count in [3, 1, 4, 5] {
            let piece = Array(pixels[(top * width * 4)..<((top + count) * width * 4)])
            out += piece.withUnsafeBytes { reduction.reduce($0, count: count) }.pixels
            top += count
        }
        #expect(out == Self.reference(pixels, width: width, height: height))
    }
}
