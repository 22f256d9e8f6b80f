import Imaging
import Testing

/// Turning and mirroring a picture, as a hidden repeat of a reader study is shown.
struct PNGOrientationTests {
    /// 3 × 2 grey pixels: 1 2 3 / 4 5 6.
    static let picture = PNGCodec.Image(width: 3, height: 2, channels: 1, pixels: [1, 2, 3, 4, 5, 6])

    @Test func clockwiseQuarterTurnPutsTheBottomLeftPixelTopLeft() {
        #expect(Self.picture.oriented(.clockwise(quarterTurns: 1)) == PNGCodec.Image(width: 2, height: 3, channels: 1, pixels: [4, 1, 5, 2, 6, 3]))
    }

    @Test func halfTurnReversesThePixels() {
        #expect(Self.picture.oriented(.clockwise(quarterTurns: 2)) == PNGCodec.Image(width: 3, height: 2, channels: 1, pixels: [6, 5, 4, 3, 2, 1]))
    }

    @Test func threeQuarterTurnPutsTheTopRightPixelTopLeft() {
        #expect(Self.picture.oriented(.clockwise(quarterTurns: 3)) == PNGCodec.Image(width: 2, height: 3, channels: 1, pixels: [3, 6, 2, 5, 1, 4]))
    }

    @Test func fourQuarterTurnsChangeNothing() {
        #expect(Self.picture.oriented(.clockwise(quarterTurns: 4)) == Self.picture)
        #expect(Self.picture.oriented(.clockwise(quarterTurns: 1)).oriented(.clockwise(quarterTurns: 3)) == Self.picture)
    }

    @Test func mirrorsReverseRowsOrColumnsAndMoveWholePixels() {
        #expect(Self.picture.oriented(.mirroredLeftRight) == PNGCodec.Image(width: 3, height: 2, channels: 1, pixels: [3, 2, 1, 6, 5, 4]))
        #expect(Self.picture.oriented(.mirroredTopBottom) == PNGCodec.Image(width: 3, height: 2, channels: 1, pixels: [4, 5, 6, 1, 2, 3]))
        let rgb = PNGCodec.Image(width: 2, height: 1, channels: 3, pixels: [1, 2, 3, 4, 5, 6])
        #expect(rgb.oriented(.mirroredLeftRight).pixels == [4, 5, 6, 1, 2, 3])
    }
}
