/// Where a byte sequence stops being UTF-8.
enum UTF8Validation {
    /// Offset of the first byte that does not begin or continue a valid UTF-8 scalar; nil for valid UTF-8.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
