import Foundation

/// A JSON number as JSONSerialization hands it over, read back to the Double its text spells.
enum GeoJSONNumber {
    /// The class of JSONSerialization's `true` and `false`, which otherwise pass for the numbers 1 and 0.
    private static let booleanType: AnyClass = type(of: NSNumber(value: true))

    /// The number `value` holds; nil for anything else, booleans included.
    ///
    /// On Linux JSONSerialization gives numbers of many significant digits (`12345.678901234567`) as
    /// NSDecimalNumber, whose `doubleValue` can be an ulp or more off; its decimal text is exact, so the Double is
    /// read from that text instead, which rounds correctly.
    static func double(_ value: Any) -> Double? {
        if let decimal = value as? NSDecimalNumber { return Double(decimal.stringValue) }
        guard let number = value as? NSNumber, type(of: number) != booleanType else { return nil }
        return number.doubleValue
    }
}
