/// Which FROC a slide-lesion-detection phase computes.
public enum FROCProtocol: String, Sendable, Codable, CaseIterable {
    /// `Evaluation_FROC.py` of the CAMELYON16 organisers, quirks included: regions grow by half the documented
    /// 75 µm, hit confidences are stored as float32, the lowest threshold is dropped, and false positives are
    /// divided by the number of submitted slides (only submitted slides count at all).
    case camelyon16
    /// The documented FROC: 75 µm growth, every confidence a threshold, false positives per ground-truth slide.
    case froc
}

/// The constants of a FROC evaluation.
public struct FROCSettings: Sendable, Equatable, Codable {
    public var protocolName: FROCProtocol
    /// Pyramid level of the evaluation mask (5 in CAMELYON16: cells of 32 x 32 level-0 pixels).
    public var level: Int
    /// Level-0 pixel size in micrometres (0.243 for CAMELYON16's scanners).
    public var micronsPerPixel: Double
    /// False positives per slide at which sensitivity is read; the score is the mean sensitivity.
    public var falsePositiveRates: [Double]

    public init(protocolName: FROCProtocol = .froc, level: Int = 5, micronsPerPixel: Double = 0.243,
                falsePositiveRates: [Double] = [0.25, 0.5, 1, 2, 4, 8]) {
        self.protocolName = protocolName
        self.level = level
        self.micronsPerPixel = micronsPerPixel
        self.falsePositiveRates = falsePositiveRates
    }

    /// Level-L pixels within which a point still hits a lesion: 75 µm (camelyon16's script: half of it).
    public var growthRadius: Double {
        let radius = 75 / (micronsPerPixel * Double(1 << level))
        return protocolName == .camelyon16 ? radius / 2 : radius
    }

    /// Regions whose major axis is shorter than 275 µm (in level-L pixels) are isolated tumour cells.
    public var isolatedTumourCellLimit: Double { 275 / (micronsPerPixel * Double(1 << level)) }
}
