import Challenge
import Geometry
import Imaging
import Server
import Studies
import Testing

/// Shapes and pictures turn alike: what a reader draws on a turned repeat's picture covers what it covers on the slide.
@Suite("Item frames and turned pictures")
struct ItemFrameOrientationTests {
    static let box = RegionBox(x: 100, y: 40, width: 3, height: 2)

    /// The centre of each pixel of the item lands on the centre of the pixel the server's turned picture puts it at
    /// (`PNGCodec.Image.oriented`), so shapes drawn on the turned picture cover what they covered on the slide.
    @Test(arguments: RepeatTransform.allCases)
    func aPixelsCentreFollowsThePictureTurnedOnTheServer(transform: RepeatTransform) {
        let (width, height) = (Self.box.width, Self.box.height)
        let pixels: [UInt8] = (0..<(width * height)).flatMap { [UInt8($0), 0, 0, 255] }
        let turned = PNGCodec.Image(width: width, height: height, channels: 4, pixels: pixels).oriented(transform.orientation)
        let frame = ItemFrame(box: Self.box, transform: transform)
        #expect((turned.width, turned.height) == frame.shownSize)
        for y in 0..<height {
            for x in 0..<width {
                let shown = frame.shownPoint(PlanePoint(x: Double(Self.box.x + x) + 0.5, y: Double(Self.box.y + y) + 0.5))
                let at = (Int(shown.y) * turned.width + Int(shown.x)) * 4
                #expect(Int(turned.pixels[at]) == y * width + x, "pixel (\(x), \(y)) shown at \(shown) under \(transform)")
            }
        }
    }
}
