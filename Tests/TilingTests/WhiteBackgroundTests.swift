import Testing
@testable import Tiling

/// DeepZoomGenerator's white background: `Image.composite(tile, white, tile)`. Expected values are Pillow 13.0.0's
/// output for these pixels.
@Suite struct WhiteBackgroundTests {
    @Test func compositesOntoWhiteAsPillowDoes() {
        var pixels: [UInt8] = [0, 0, 0, 128, 200, 100, 50, 128, 10, 20, 30, 0, 10, 20, 30, 255, 255, 0, 128, 1, 37, 91, 203, 254]
        pixels += [UInt8](repeating: 255, count: 4 * 70)  // past the first block of 64 pixels, all opaque
        pixels.withUnsafeMutableBytes { WhiteBackground.flatten($0) }
        let expected: [[UInt8]] = [[127, 127, 127], [227, 177, 152], [255, 255, 255], [10, 20, 30], [255, 254, 255], [38, 92, 203]]
        for (index, rgb) in expected.enumerated() {
            #expect(Array(pixels[(index * 4)..<(index * 4 + 4)]) == rgb + [255], "pixel \(index)")
        }
        #expect(pixels[24...].allSatisfy { $0 == 255 })
    }
}
