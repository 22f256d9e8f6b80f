/// A display window: values from `center - width / 2` to `center + width / 2` map to 0…255.
public struct IntensityWindow: Sendable, Equatable {
    public var center: Double
    public var width: Double

    public init(center: Double, width: Double) {
        precondition(width > 0, "a window's width must be positive, got \(width)")
        self.center = center
        self.width = width
    }

    /// The window spanning a range of values; a constant image gets a window starting at its value, so it shows black.
    public init(covering range: ClosedRange<Double>) {
        let width = range.upperBound - range.lowerBound
        if width > 0 {
            self.init(center: (range.lowerBound + range.upperBound) / 2, width: width)
        } else {
            self.init(center: range.lowerBound + 0.5, width: 1)
        }
    }

    @inline(__always)
    public func grey(_ value: Double) -> UInt8 {
        let fraction = (value - (center - width / 2)) / width
        guard fraction.isFinite else { return 0 }
        return UInt8((min(max(fraction, 0), 1) * 255).rounded())
    }
}

extension Volume {
    /// Real values mapped to 0…255 through a window (by default the volume's whole value range).
    public func bytes(window: IntensityWindow? = nil) -> [UInt8] {
        let values = doubles()
        let window = window ?? valueRange.map(IntensityWindow.init(covering:)) ?? IntensityWindow(center: 0, width: 1)
        return values.map(window.grey)
    }
}
