/// `cairo_paint` of a tile through a scale-and-translate pattern matrix (pattern = device * scale + offset on each
/// axis) with the SATURATE operator, as cairo 1.18 hands it to pixman: the filter cairo settles on, the composite
/// box from the pattern's extents, the 16.16 matrix with cairo's integer offset split and its correction at the box
/// centre, and pixman's affine stepping (one transformed point per row, then whole 16.16 steps). Used where
/// OpenSlide redraws a missing Aperio tile from the level below.
enum ScaledCompositing {
    /// One axis of a cairo pattern matrix without rotation or skew.
    struct Axis {
        var scale: Double
        var offset: Double
    }

    static func draw(_ tile: PlacedTile, x: Axis, y: Axis, into pixels: inout [UInt8], width: Int, height: Int) {
        guard let columns = box(x, tileSize: tile.width, surfaceSize: width),
              let rows = box(y, tileSize: tile.height, surfaceSize: height) else { return }
        let bilinear = usesBilinear(x) && usesBilinear(y)
        let convolution = bilinear ? nil : SeparableConvolution(x: .init(scale: convolutionScale(x.scale)),
                                                                 y: .init(scale: convolutionScale(y.scale)))
        let centre = (Double(columns.lowerBound) + Double(columns.count) / 2, Double(rows.lowerBound) + Double(rows.count) / 2)
        let transform = PixmanAffine(x: x, y: y, centre: centre)
        tile.pixels.withUnsafeBytes { source in
            pixels.withUnsafeMutableBytes { destination in
                let taps = BilinearCompositing.FloatTaps(pixels: source, width: tile.width, height: tile.height)
                for row in rows {
                    var (sampleX, sampleY) = transform.start(column: columns.lowerBound, row: row)
                    for column in columns {
                        let sample = if let convolution { convolution.sample(taps, x: sampleX, y: sampleY) }
                                     else { bilinearSample(taps, x: sampleX, y: sampleY) }
                        PixmanWide.composite(sample, onto: destination.baseAddress! + (row * width + column) * 4)
                        sampleX += transform.stepX
                        sampleY += transform.stepY
                    }
                }
            }
        }
    }

    /// `bits_image_fetch_pixel_bilinear_float` at a 16.16 sample position.
    private static func bilinearSample(_ taps: BilinearCompositing.FloatTaps, x: Int, y: Int) -> SIMD4<Float> {
        let (left, top) = (x - 0x8000, y - 0x8000)
        return taps.bilinear(x: left >> 16, y: top >> 16, distanceX: Float(left & 0xFFFF) / 65536, distanceY: Float(top & 0xFFFF) / 65536)
    }

    /// `_cairo_pattern_analyze_filter` turning GOOD into BILINEAR (`use_bilinear`, one axis; no skew).
    static func usesBilinear(_ axis: Axis) -> Bool {
        let squared = axis.scale * axis.scale + 0 * 0
        if squared < 1.0 / (0.75 * 0.75) { return true }
        return squared > 3.99 && squared < 4.01 && CairoFixed.from(axis.scale * 0) == 0 && CairoFixed.from(axis.offset) & 0xFF == 0
    }

    /// The kernel scale `_pixman_image_set_properties` gives GOOD: clipped to 16, and 1 below 4/3.
    static func convolutionScale(_ scale: Double) -> Double {
        let clipped = min(abs(scale), 16)
        return clipped < 1.0 / 0.75 ? 1 : clipped
    }

    /// The surface pixels `_cairo_pattern_get_extents` bounds the source to along one axis, within the surface.
    static func box(_ axis: Axis, tileSize: Int, surfaceSize: Int) -> Range<Int>? {
        var (low, high) = (0.0, Double(tileSize))
        let padded = abs(axis.scale) < 1
        if padded { (low, high) = (low - 0.5, high + 0.5) }
        var (inverseScale, inverseOffset) = (1.0, -axis.offset)
        if axis.scale != 1 {
            inverseScale = 1.0 / axis.scale
            inverseOffset *= inverseScale
            (low, high) = (low * inverseScale, high * inverseScale)
            if low > high { swap(&low, &high) }
        }
        if inverseOffset != 0 { (low, high) = (low + inverseOffset, high + inverseOffset) }
        if !padded { (low, high) = (low - 0.5, high + 0.5) }
        let first = max(Int((low + 0.5).rounded(.down)), 0), end = min(Int((high + 0.5).rounded(.down)), surfaceSize)
        return first < end ? first..<end : nil
    }
}

/// cairo's fixed-point conversions (`_cairo_fixed_from_double`, `_cairo_fixed_16_16_from_double`): round half to even.
enum CairoFixed {
    /// 24.8 fixed point.
    static func from(_ value: Double) -> Int { Int((value * 256).rounded(.toNearestOrEven)) }
    /// 16.16 fixed point.
    static func sixteen(_ value: Double) -> Int { Int((value * 65536).rounded(.toNearestOrEven)) }
}

/// The pixman transform cairo builds for a scale-and-translate pattern (`_cairo_matrix_to_pixman_matrix_offset`),
/// and pixman's per-row starting sample (`pixman_transform_point_3d` of the row's first pixel centre).
struct PixmanAffine {
    /// The 16.16 matrix: scales on the diagonal, translations in the last column.
    private(set) var scaleX: Int, scaleY: Int, translateX: Int, translateY: Int
    /// The integer source offset cairo passes to `pixman_image_composite32`.
    let offsetX: Int, offsetY: Int

    var stepX: Int { scaleX }
    var stepY: Int { 0 }

    init(x: ScaledCompositing.Axis, y: ScaledCompositing.Axis, centre: (Double, Double)) {
        // Move the integer part of the translation into the source offset, spreading it as cairo does.
        var (splitX, splitY) = (x.offset, y.offset)
        var norm = max(abs(splitX), abs(splitY))
        for i in [-1.0, 1.0] {
            for j in [-1.0, 1.0] {
                var denominator = (x.scale + i) * (y.scale + j) - 0 * 0
                if abs(denominator) < Double.ulpOfOne { continue }
                var candidateX = y.offset * 0 - x.offset * (y.scale + j)
                var candidateY = x.offset * 0 - y.offset * (x.scale + i)
                denominator = 1 / denominator
                candidateX *= denominator
                candidateY *= denominator
                let candidateNorm = max(abs(candidateX), abs(candidateY))
                if norm > candidateNorm { (norm, splitX, splitY) = (candidateNorm, candidateX, candidateY) }
            }
        }
        (splitX, splitY) = (splitX.rounded(.down), splitY.rounded(.down))
        offsetX = -Int(splitX)
        offsetY = -Int(splitY)
        let matrixX = (splitX * x.scale + splitY * 0) + x.offset
        let matrixY = (splitX * 0 + splitY * y.scale) + y.offset
        scaleX = CairoFixed.sixteen(x.scale)
        scaleY = CairoFixed.sixteen(y.scale)
        translateX = CairoFixed.sixteen(matrixX)
        translateY = CairoFixed.sixteen(matrixY)
        guard x.scale != 1 || y.scale != 1 else { return }
        correct(x: ScaledCompositing.Axis(scale: x.scale, offset: matrixX), y: ScaledCompositing.Axis(scale: y.scale, offset: matrixY),
                centre: centre)
    }

    /// cairo's fix-up so pixman's rounded matrix agrees with cairo's at the composite box centre (up to 5 rounds).
    private mutating func correct(x: ScaledCompositing.Axis, y: ScaledCompositing.Axis, centre: (Double, Double)) {
        let inverseX = Self.inverse(x), inverseY = Self.inverse(y)
        for _ in 0..<5 {
            let point = transform(CairoFixed.sixteen(centre.0), CairoFixed.sixteen(centre.1))
            var (pointX, pointY) = (Double(point.0) / 65536, Double(point.1) / 65536)
            (pointX, pointY) = ((inverseX.scale * pointX + 0 * pointY) + inverseX.offset, (0 * pointX + inverseY.scale * pointY) + inverseY.offset)
            (pointX, pointY) = (pointX - centre.0, pointY - centre.1)
            let errorX = CairoFixed.sixteen(x.scale * pointX + 0 * pointY), errorY = CairoFixed.sixteen(0 * pointX + y.scale * pointY)
            translateX -= errorX
            translateY -= errorY
            if errorX == 0, errorY == 0 { return }
        }
    }

    /// `cairo_matrix_invert` for one axis of a scale-and-translate matrix.
    private static func inverse(_ axis: ScaledCompositing.Axis) -> ScaledCompositing.Axis {
        var result = ScaledCompositing.Axis(scale: axis.scale, offset: -axis.offset)
        if axis.scale != 1 {
            result.scale = 1.0 / axis.scale
            result.offset *= result.scale
        }
        return result
    }

    /// `pixman_transform_point_31_16_3d` for this matrix (third coordinate 1.0).
    private func transform(_ x: Int, _ y: Int) -> (Int, Int) {
        func row(_ scale: Int, _ coordinate: Int, _ translate: Int) -> Int {
            let whole = scale * (coordinate >> 16) + translate * 1
            let fraction = scale * (coordinate & 0xFFFF) + translate * 0
            return whole + ((fraction + 0x8000) >> 16)
        }
        return (row(scaleX, x, translateX), row(scaleY, y, translateY))
    }

    /// The 16.16 sample position of surface pixel (`column`, `row`)'s centre, as pixman starts a row there.
    func start(column: Int, row: Int) -> (Int, Int) {
        transform(((column + offsetX) << 16) + 0x8000, ((row + offsetY) << 16) + 0x8000)
    }
}
