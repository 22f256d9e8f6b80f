/// Simultaneous Truth and Performance Level Estimation (Warfield, Zou and Wells 2004) for binary masks: an
/// expectation-maximisation estimate of the hidden true mask and of each reader's sensitivity and specificity.
///
/// Matches ITK's `STAPLEImageFilter` (SimpleITK 2.5.2, ITK 5.4) step for step, so results agree to rounding:
/// - a pixel is foreground for a reader when its value equals `foregroundValue` (default 1); any other value is
///   background;
/// - the weights W start as the share of readers marking each pixel, and the prior g = mean(W) × `confidenceWeight`
///   stays fixed from then on;
/// - each iteration first estimates every reader's sensitivity p = Σ_{D=1} W / Σ W and specificity
///   q = Σ_{D=0} (1 − W) / Σ (1 − W) from W, then sets W = g a / (g a + (1 − g) b) per pixel, with a the product
///   over readers of p (marked) or 1 − p (not marked) and b that of 1 − q (marked) or q (not marked);
/// - it stops after iteration t ≥ 1 (counting from 0) when every reader's p and q changed by a squared amount of at
///   most 1e-14 since iteration t − 1, or after `maximumIterations` iterations. A NaN (a reader with nothing to
///   estimate, such as every mask empty) never counts as a change, so it stops as ITK does.
///
/// Masks are flat arrays in x-fastest order (index x + width × (y + height × z)), like an ITK image buffer.
public enum STAPLE {
    /// The settings of ITK's filter, with its defaults.
    public struct Options: Sendable, Equatable {
        /// The pixel value that marks foreground (ITK's `ForegroundValue`, default 1).
        public var foregroundValue: UInt8
        /// The factor applied to the mean of the initial weights to give the prior (ITK's `ConfidenceWeight`).
        public var confidenceWeight: Double
        /// The most iterations run (ITK's `MaximumIterations`). SimpleITK's default, 2³² − 1, means "until converged";
        /// ours is `defaultMaximumIterations`, so masks from outside cannot keep a worker busy for hours, and every
        /// study that converges within it gets SimpleITK's estimate.
        public var maximumIterations: Int

        /// ITK's settings; the defaults are SimpleITK's but for the iteration cap.
        public init(foregroundValue: UInt8 = 1, confidenceWeight: Double = 1, maximumIterations: Int = STAPLE.defaultMaximumIterations) {
            self.foregroundValue = foregroundValue
            self.confidenceWeight = confidenceWeight
            self.maximumIterations = maximumIterations
        }
    }

    /// What STAPLE estimated.
    public struct Estimate: Sendable, Equatable {
        /// Per pixel, the probability that it is truly foreground (ITK's output image), in the masks' order.
        public let probabilities: [Double]
        /// Per reader, the sensitivity estimated in the last iteration (NaN when no iteration ran).
        public let sensitivity: [Double]
        /// Per reader, the specificity estimated in the last iteration (NaN when no iteration ran).
        public let specificity: [Double]
        /// The prior probability of foreground used throughout: mean share of readers marking a pixel × confidence.
        public let prior: Double
        /// ITK's `ElapsedIterations`: the index of the iteration that converged (iterations run − 1), or the limit.
        public let elapsedIterations: Int
    }

    /// The most pixel reads (pixels × readers) a call accepts unless told otherwise: 2³⁰ (a 1024 × 1024 × 256
    /// volume from four readers).
    public static let defaultPixelReadBudget = 1 << 30
    /// The iteration cap unless one is given: SimpleITK's studies converge within tens of iterations.
    public static let defaultMaximumIterations = 1_000

    /// The STAPLE estimate from `masks` (one per reader, each `width × height × depth` values).
    public static func estimate(
        masks: [[UInt8]], width: Int, height: Int, depth: Int = 1, options: Options = Options(),
        pixelReadBudget: Int = defaultPixelReadBudget
    ) throws(STAPLEError) -> Estimate {
        let pixels = try checkedPixelCount(
            readers: masks.count, width: width, height: height, depth: depth, budget: pixelReadBudget)
        for (reader, mask) in masks.enumerated() where mask.count != pixels {
            throw .maskSizeMismatch(reader: reader, count: mask.count, expected: pixels)
        }
        try check(options)
        return run(masks: masks, pixels: pixels, options: options)
    }

    /// The STAPLE estimate from boolean masks (true marks foreground).
    public static func estimate(
        masks: [[Bool]], width: Int, height: Int, depth: Int = 1, confidenceWeight: Double = 1,
        maximumIterations: Int = defaultMaximumIterations, pixelReadBudget: Int = defaultPixelReadBudget
    ) throws(STAPLEError) -> Estimate {
        let pixels = try checkedPixelCount(
            readers: masks.count, width: width, height: height, depth: depth, budget: pixelReadBudget)
        for (reader, mask) in masks.enumerated() where mask.count != pixels {
            throw .maskSizeMismatch(reader: reader, count: mask.count, expected: pixels)
        }
        let options = Options(foregroundValue: 1, confidenceWeight: confidenceWeight, maximumIterations: maximumIterations)
        try check(options)
        return run(masks: masks.map { $0.map { $0 ? 1 : 0 } }, pixels: pixels, options: options)
    }

    /// width × height × depth, after checking the sides, overflow and the budget of pixel reads.
    static func checkedPixelCount(readers: Int, width: Int, height: Int, depth: Int, budget: Int) throws(STAPLEError) -> Int {
        guard readers > 0 else { throw .noMasks }
        guard width > 0, height > 0, depth > 0 else { throw .invalidSize(width: width, height: height, depth: depth) }
        let area = width.multipliedReportingOverflow(by: height)
        let volume = area.partialValue.multipliedReportingOverflow(by: depth)
        let reads = volume.partialValue.multipliedReportingOverflow(by: readers)
        guard !area.overflow, !volume.overflow, !reads.overflow else {
            throw .sizeOverflow(width: width, height: height, depth: depth, readers: readers)
        }
        guard reads.partialValue <= budget else { throw .budgetExceeded(pixels: volume.partialValue, readers: readers, limit: budget) }
        return volume.partialValue
    }

    private static func check(_ options: Options) throws(STAPLEError) {
        guard options.confidenceWeight.isFinite, options.confidenceWeight >= 0 else {
            throw .invalidConfidenceWeight(options.confidenceWeight)
        }
        guard options.maximumIterations >= 0 else { throw .invalidMaximumIterations(options.maximumIterations) }
    }
}
