/// JSON text written as `JSONEncoder` with `.sortedKeys` writes it: keys in sorted order, numbers in Swift's
/// shortest form without a trailing `.0`, `/` escaped as `\/`, other control characters as `\u00XX`. Written by hand
/// for measured speed: the summaries stored with every judged submission hold ROC curves of thousands of numbers,
/// and encoding them through `JSONEncoder` was 40% of the judge's time (`perf record` of `arbiter-bench judge`).
/// `EvaluationSummaryJSONTests` checks that both write the same bytes.
struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []

    /// Thrown for NaN and infinities, which JSON has no spelling for (as `JSONEncoder` throws).
    struct NonFiniteNumber: Error, CustomStringConvertible {
        let value: Double
        var description: String { "\(value) cannot be written as a JSON number" }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func number(_ value: Double) throws {
        guard value.isFinite else { throw NonFiniteNumber(value: value) }
        // 0 and 1 end most curves; every other number goes through Swift's shortest spelling, its ".0" cut off.
        if value == 0, value.sign == .plus { return bytes.append(UInt8(ascii: "0")) }
        if value == 1 { return bytes.append(UInt8(ascii: "1")) }
        var text = value.description
        text.withUTF8 { utf8 in
            let count = utf8.count
            let integral = count >= 2 && utf8[count - 2] == UInt8(ascii: ".") && utf8[count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<(integral ? count - 2 : count)]))
        }
    }

    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "/"): bytes.append(contentsOf: #"\/"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONTextWriter, Element) throws -> Void) rethrows {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            try write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func numbers(_ values: [Double]) throws {
        bytes.reserveCapacity(bytes.count + values.count * 20)
        try array(values) { (writer, value) throws in try writer.number(value) }
    }

    /// An object of the members given, in sorted key order; a member whose writer is nil is left out, as
    /// `JSONEncoder` leaves out an optional that is nil.
    mutating func object(_ members: [(key: String, write: ((inout JSONTextWriter) throws -> Void)?)]) throws {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for member in members.sorted(by: { $0.key < $1.key }) {
            guard let write = member.write else { continue }
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            string(member.key)
            bytes.append(UInt8(ascii: ":"))
            try write(&self)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
