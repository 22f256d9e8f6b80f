/// The one grammar for numbers in participants' files (probabilities of classification predictions, coordinates
/// and confidences of lesion points):
///
///     number   = [ "+" | "-" ] mantissa [ exponent ]
///     mantissa = digits [ "." [ digits ] ]  |  "." digits
///     exponent = ( "e" | "E" ) [ "+" | "-" ] digits
///
/// with ASCII digits: `0.25`, `1`, `-0.5`, `+0.5`, `.5`, `5.`, `2.5e-3`, `1E+2`. Never hexadecimal (`0x10`,
/// `0x1p-1`), `inf`, `infinity` or `nan`, digit separators, or spaces inside; the value must be finite (`1e999` is
/// refused). The spaces and tabs around a CSV field are trimmed by the callers, not here. Accepted text is
/// converted exactly as `strtod` converts it (correctly rounded). `Challenges/*/README.md` say the same to
/// participants under "Numbers in prediction files".
enum DecimalNumber {
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // The fast path accepts only a sign, digits and one point, so what it reads is in the grammar.
        if let exact = exactlyRepresentable(bytes) { return exact }
        guard isWellFormed(bytes), let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Whether `bytes` is a number of the grammar above.
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func skipSign() {
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        }
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        skipSign()
        var mantissaDigits = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissaDigits += digits()
        }
        guard mantissaDigits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            skipSign()
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// Plain decimals of at most 15 significant digits and 22 fractional digits (`0.123456`, `-12.5`, `1`), which is
    /// what submissions hold: both the digits as an integer and the power of ten are exact doubles, so one IEEE
    /// division is correctly rounded and equals what `strtod` returns (Clinger's fast path), without its cost.
    /// Anything else (exponents, long mantissas) returns nil and takes `Double.init`.
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
            guard isDigit(byte) else { return nil }
            digits += 1
            if seenPoint { fractional += 1 }
            if mantissa == 0, byte == UInt8(ascii: "0") { continue }
            significant += 1
            guard significant <= 15 else { return nil }
            mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        guard digits > 0, fractional <= 22 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fractional]
        return negative ? -magnitude : magnitude
    }

    /// 10^exponent for 0...22, each exact in a double (products of exact values below 2^53 stay exact).
    private static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { power, _ in power * 10 } }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
