import Foundation

/// Pillow's Lanczos resize (`Image.resize(size, LANCZOS, box)` as `thumbnail` calls it) on 8-bit RGBA, step for step:
/// per-axis coefficients over the box (kernel stretched by the scale when shrinking, truncated at the image and
/// renormalised), converted to 22-bit fixed point, the horizontal pass first over the rows the vertical pass needs,
/// each pass rounded and clamped to 8 bits. With `reducingGap` it first averages whole blocks (`Image.reduce`) when
/// the scale is at least twice the gap, as `thumbnail(reducing_gap=2.0)` does.
enum PillowResampling {
    private static let precisionBits = 22

    struct Image {
        var width: Int
        var height: Int
        var pixels: [UInt8]
    }

    /// The size `thumbnail` gives an image of `width` x `height` asked to fit `fitting`: the aspect ratio kept,
    /// each side rounded down or up, whichever keeps the ratio closer (down on a tie); nil when it already fits.
    static func thumbnailSize(width: Int, height: Int, fitting: (width: Int, height: Int)) -> (width: Int, height: Int)? {
        var (x, y) = fitting
        guard x < width || y < height else { return nil }
        let aspect = Double(width) / Double(height)
        func closest(_ value: Double, error: (Int) -> Double) -> Int {
            let low = Int(value.rounded(.down)), high = Int(value.rounded(.up))
            return max(error(high) < error(low) ? high : low, 1)
        }
        if Double(x) / Double(y) >= aspect {
            let y = y
            x = closest(Double(y) * aspect) { abs(aspect - Double($0) / Double(y)) }
        } else {
            let x = x
            y = closest(Double(x) / aspect) { $0 == 0 ? 0 : abs(aspect - Double(x) / Double($0)) }
        }
        return (x, y)
    }

    /// `thumbnail`'s resize of the whole image to `width` x `height` (reducing gap 2).
    static func thumbnail(_ image: Image, width: Int, height: Int) -> Image {
        if image.width == width && image.height == height { return image }
        var source = image
        var box = (0.0, 0.0, Double(image.width), Double(image.height))
        let factorX = max(1, Int(Double(image.width) / Double(width) / 2)), factorY = max(1, Int(Double(image.height) / Double(height) / 2))
        if factorX > 1 || factorY > 1 {
            let safe = safeBox(box, width: width, height: height, image: image)
            source = reduce(image, factorX: factorX, factorY: factorY, box: safe)
            box = ((box.0 - Double(safe.0)) / Double(factorX), (box.1 - Double(safe.1)) / Double(factorY),
                   (box.2 - Double(safe.0)) / Double(factorX), (box.3 - Double(safe.1)) / Double(factorY))
        }
        return resize(source, width: width, height: height, box: box)
    }

    /// `_get_safe_box`: the box widened by the filter's reach, in whole pixels.
    private static func safeBox(_ box: (Double, Double, Double, Double), width: Int, height: Int, image: Image) -> (Int, Int, Int, Int) {
        let support = 3.0 - 0.5
        let supportX = support * (box.2 - box.0) / Double(width), supportY = support * (box.3 - box.1) / Double(height)
        return (max(0, Int(box.0 - supportX)), max(0, Int(box.1 - supportY)),
                min(image.width, Int((box.2 + supportX).rounded(.up))), min(image.height, Int((box.3 + supportY).rounded(.up))))
    }

    /// `Image.reduce`: the mean of each `factorX` x `factorY` block of the box (partial blocks at the edges average
    /// the pixels they have), divided as Pillow divides: (sum + count / 2) times a 32-bit float reciprocal, which
    /// rounds large blocks slightly low.
    static func reduce(_ image: Image, factorX: Int, factorY: Int, box: (Int, Int, Int, Int)) -> Image {
        let width = (box.2 - box.0 + factorX - 1) / factorX, height = (box.3 - box.1 + factorY - 1) / factorY
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        image.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { output in
                for y in 0..<height {
                    let rows = (box.1 + y * factorY)..<min(box.3, box.1 + (y + 1) * factorY)
                    for x in 0..<width {
                        let columns = (box.0 + x * factorX)..<min(box.2, box.0 + (x + 1) * factorX)
                        let count = rows.count * columns.count
                        let multiplier = UInt32(Float(4_294_967_296.0) / Float(256 * count))
                        var sums = SIMD4<UInt32>()
                        for sy in rows {
                            for sx in columns {
                                let at = (sy * image.width + sx) * 4
                                sums &+= SIMD4(UInt32(source[at]), UInt32(source[at + 1]), UInt32(source[at + 2]), UInt32(source[at + 3]))
                            }
                        }
                        for c in 0..<4 {
                            output[(y * width + x) * 4 + c] = UInt8(truncatingIfNeeded: ((sums[c] &+ UInt32(count / 2)) &* multiplier) >> 24)
                        }
                    }
                }
            }
        }
        return Image(width: width, height: height, pixels: pixels)
    }

    /// `ImagingResample` with the Lanczos filter over `box` of `image`.
    static func resize(_ image: Image, width: Int, height: Int, box: (Double, Double, Double, Double)) -> Image {
        let horizontal = Coefficients(inputSize: image.width, from: box.0, to: box.2, outputSize: width)
        let vertical = Coefficients(inputSize: image.height, from: box.1, to: box.3, outputSize: height)
        let needHorizontal = width != image.width || box.0 != 0 || box.2 != Double(width)
        let needVertical = height != image.height || box.1 != 0 || box.3 != Double(height)
        var source = image
        var firstRow = 0
        if needHorizontal {
            firstRow = vertical.bounds[0].first
            let lastRow = vertical.bounds[height - 1].first + vertical.bounds[height - 1].count
            source = pass(image, coefficients: horizontal, rows: firstRow..<lastRow)
        }
        guard needVertical else { return source }
        return passVertical(source, coefficients: vertical, rowOffset: firstRow)
    }

    private static func pass(_ image: Image, coefficients: Coefficients, rows: Range<Int>) -> Image {
        let width = coefficients.bounds.count
        var pixels = [UInt8](repeating: 0, count: width * rows.count * 4)
        image.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { output in
                for (outY, y) in rows.enumerated() {
                    for x in 0..<width {
                        let (first, count) = coefficients.bounds[x]
                        let weights = coefficients.weights[x]
                        var sums = SIMD4<Int>(repeating: 1 << (precisionBits - 1))
                        for k in 0..<count {
                            let at = (y * image.width + first + k) * 4
                            sums &+= SIMD4(Int(source[at]), Int(source[at + 1]), Int(source[at + 2]), Int(source[at + 3])) &* weights[k]
                        }
                        for c in 0..<4 { output[(outY * width + x) * 4 + c] = clip(sums[c]) }
                    }
                }
            }
        }
        return Image(width: width, height: rows.count, pixels: pixels)
    }

    private static func passVertical(_ image: Image, coefficients: Coefficients, rowOffset: Int) -> Image {
        let height = coefficients.bounds.count, rowBytes = image.width * 4
        var pixels = [UInt8](repeating: 0, count: rowBytes * height)
        image.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { output in
                var sums = [Int](repeating: 0, count: rowBytes)
                for y in 0..<height {
                    let (first, count) = coefficients.bounds[y]
                    for x in 0..<rowBytes { sums[x] = 1 << (precisionBits - 1) }
                    for k in 0..<count {
                        let weight = coefficients.weights[y][k], base = (first - rowOffset + k) * rowBytes
                        for x in 0..<rowBytes { sums[x] &+= Int(source[base + x]) &* weight }
                    }
                    for x in 0..<rowBytes { output[y * rowBytes + x] = clip(sums[x]) }
                }
            }
        }
        return Image(width: image.width, height: height, pixels: pixels)
    }

    /// Pillow's `lanczos_filter`: sinc(x) sinc(x / 3) on [-3, 3), computed as it computes it.
    static func lanczos(_ x: Double) -> Double {
        func sinc(_ x: Double) -> Double {
            guard x != 0 else { return 1 }
            let scaled = x * Double.pi
            return sin(scaled) / scaled
        }
        return -3 <= x && x < 3 ? sinc(x) * sinc(x / 3) : 0
    }

    private static func clip(_ value: Int) -> UInt8 {
        UInt8(max(0, min(255, value >> precisionBits)))
    }

    /// `precompute_coeffs` and `normalize_coeffs_8bpc` for one axis.
    struct Coefficients {
        var bounds: [(first: Int, count: Int)] = []
        var weights: [[Int]] = []

        init(inputSize: Int, from start: Double, to end: Double, outputSize: Int) {
            let scale = (end - start) / Double(outputSize)
            let filterScale = max(scale, 1)
            let support = 3 * filterScale
            for index in 0..<outputSize {
                let centre = start + (Double(index) + 0.5) * scale
                let first = max(0, Int(centre - support + 0.5))
                let last = min(inputSize, Int(centre + support + 0.5))
                var values = (0..<max(0, last - first)).map { PillowResampling.lanczos((Double($0 + first) - centre + 0.5) / filterScale) }
                let total = values.reduce(0, +)
                if total != 0 { values = values.map { $0 / total } }
                bounds.append((first, values.count))
                weights.append(values.map { value in
                    let fixed = value * Double(1 << PillowResampling.precisionBits)
                    return Int(value < 0 ? (fixed - 0.5).rounded(.towardZero) : (fixed + 0.5).rounded(.towardZero))
                })
            }
        }
    }
}
