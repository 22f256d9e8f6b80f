/// One pass over a CSV table that needs none of `CSVReader`'s care: ASCII text without quotes, carriage returns or
/// blank lines. It hands out each field as a byte range, so the fast paths of the prediction parsers build no string
/// per field; at the first byte it does not handle it gives nil, and the caller parses the file again with
/// `CSVReader`, which reports located problems. Written by hand for measured speed: validating every upload's rows
/// was half of the intake's CPU.
struct PlainCSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The next line's fields as text (for a header), consuming its line feed.
    mutating func textFields() -> [String]? {
        var fields: [Range<Int>] = []
        guard scanLine({ fields.append($0) }) != nil else { return nil }
        return fields.map(text)
    }

    /// Hands each field of the next line to `field`, consumes the line feed, and returns the number of fields;
    /// nil for a blank line or a byte the general path treats specially (a quote, a carriage return, non-ASCII text).
    mutating func scanLine(_ field: (Range<Int>) -> Void) -> Int? {
        var (start, count) = (offset, 1)
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: ",") {
                field(start..<offset)
                (start, count) = (offset + 1, count + 1)
            } else if byte == UInt8(ascii: "\n") {
                break
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") || byte >= 0x80 {
                return nil
            }
            offset += 1
        }
        field(start..<offset)
        let blank = count == 1 && start == offset
        // The line feed, when there is one: the last line of a file may end without it.
        if offset < bytes.count { offset += 1 }
        return blank ? nil : count
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Whether the field's bytes are exactly `expected`'s.
    func field(_ range: Range<Int>, equals expected: [UInt8]) -> Bool {
        range.count == expected.count && bytes[range].elementsEqual(expected)
    }

    /// A number of `DecimalNumber`'s grammar, or nil (then the general path trims the field and reports it).
    func number(_ range: Range<Int>) -> Double? {
        DecimalNumber.parse(UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
