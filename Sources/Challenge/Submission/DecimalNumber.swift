/// Strict decimal numbers as CSV writers produce them: `0.25`, `1`, `2.5e-3`, never `nan`,
/// `inf` or hexadecimal, which `Double.init(_:)` would otherwise accept.
enum DecimalNumber {
    static func parse(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy(isDecimalCharacter), let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    private static func isDecimalCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
