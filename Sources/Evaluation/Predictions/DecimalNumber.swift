/// Strict decimal numbers as CSV writers produce them: `0.25`, `1`, `2.5e-3`, never `nan`,
/// `inf` or hexadecimal, which `Double.init(_:)` would otherwise accept.
enum DecimalNumber {
    static func parse(_ text: String) -> Double? {
        // The fast path accepts only signs, digits and one point, so what it reads needs no separate character check.
        if let exact = exactlyRepresentable(text) { return exact }
        guard !text.isEmpty, text.utf8.allSatisfy(isDecimalCharacter) else { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Plain decimals of at most 15 significant digits and 22 fractional digits (`0.123456`, `-12.5`, `1`), which is
    /// what submissions hold: both the digits as an integer and the power of ten are exact doubles, so one IEEE
    /// division is correctly rounded and equals what `strtod` returns (Clinger's fast path), without its cost.
    /// Anything else (exponents, long mantissas) returns nil and takes `Double.init`.
    private static func exactlyRepresentable(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { exactlyRepresentable(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    private static func exactlyRepresentable(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var utf8 = bytes[...]
        var negative = false
        if let sign = utf8.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var fractional = 0
        var digits = 0
        var seenPoint = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits += 1
            if seenPoint { fractional += 1 }
            if mantissa == 0, byte == UInt8(ascii: "0") { continue }
            significant += 1
            guard significant <= 15 else { return nil }
            mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        guard digits > 0, fractional <= 22 else { return nil }
        let magnitude = Double(mantissa) / powerOfTen(fractional)
        return negative ? -magnitude : magnitude
    }

    /// 10^exponent for 0...22, each exact in a double (products of exact values below 2^53 stay exact).
    private static func powerOfTen(_ exponent: Int) -> Double {
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    private static func isDecimalCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
