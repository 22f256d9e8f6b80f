import Foundation

/// WCAG 2.x contrast, as the success criteria 1.4.3 and 1.4.11 define it: the relative luminance of an sRGB colour,
/// and the ratio (L1 + 0.05) / (L2 + 0.05) of the lighter to the darker. Pure, so a test can check colours anywhere.
public enum WCAGContrast {
    /// AA's least ratio for ordinary text.
    public static let text = 4.5
    /// AA's least ratio for large text and for the graphics one needs to see (plot lines, focus rings).
    public static let graphics = 3.0

    /// The relative luminance of `#rgb` or `#rrggbb`, or nil for anything else.
    public static func luminance(_ hex: String) -> Double? {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        let channels = [value >> 16, value >> 8 & 0xff, value & 0xff].map { channel -> Double in
            let srgb = Double(channel) / 255
            return srgb <= 0.04045 ? srgb / 12.92 : pow((srgb + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// The contrast ratio of two colours, from 1 (none) to 21 (black on white), or nil if either is not a hex colour.
    public static func ratio(_ first: String, _ second: String) -> Double? {
        guard let a = luminance(first), let b = luminance(second) else { return nil }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
