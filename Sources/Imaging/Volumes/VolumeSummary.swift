/// What `arbiter volume info` reports about a volume, ready for JSON.
public struct VolumeSummary: Sendable, Codable, Equatable {
    public var format: String?
    public var storedType: String?
    public var shape: [Int]
    public var components: Int
    public var spacing: [Double]
    public var affine: [[Double]]
    public var orientation: String
    public var sformCode: Int?
    public var qformCode: Int?
    public var scaling: IntensityScaling?
    public var minimum: Double?
    public var maximum: Double?

    public init(_ volume: Volume) {
        format = volume.source.format?.rawValue
        storedType = volume.source.storedType
        shape = volume.shape
        components = volume.components
        spacing = volume.spacing
        affine = volume.affine.rows
        orientation = volume.orientationCode
        sformCode = volume.source.sformCode
        qformCode = volume.source.qformCode
        scaling = volume.scaling.isIdentity ? nil : volume.scaling
        let range = volume.valueRange
        minimum = range?.lowerBound
        maximum = range?.upperBound
    }

    /// Aligned `key  value` lines for a terminal.
    public var lines: [String] {
        var rows: [(String, String)] = [
            ("format", format ?? "-"), ("stored type", storedType ?? "-"),
            ("shape", shape.map(String.init).joined(separator: " x ") + (components > 1 ? " (\(components) components)" : "")),
            ("spacing", spacing.map { "\($0)" }.joined(separator: " x ")),
            ("orientation", orientation),
        ]
        if let sformCode, let qformCode { rows.append(("sform/qform", "\(sformCode) / \(qformCode)")) }
        if let scaling { rows.append(("scaling", "x \(scaling.slope) + \(scaling.intercept)")) }
        if let minimum, let maximum { rows.append(("value range", "\(minimum) … \(maximum)")) }
        for (index, row) in affine.enumerated() {
            rows.append((index == 0 ? "affine" : "", row.map { String(format: $0) }.joined(separator: "  ")))
        }
        return rows.map { ($0.0.padding(toLength: 12, withPad: " ", startingAt: 0)) + " " + $0.1 }
    }
}

private extension String {
    init(format value: Double) {
        let rounded = (value * 1e6).rounded() / 1e6
        self = rounded == 0 ? "0" : "\(rounded)"
    }

    func padding(toLength length: Int, withPad pad: String, startingAt _: Int) -> String {
        count >= length ? self : self + String(repeating: pad, count: length - count)
    }
}
