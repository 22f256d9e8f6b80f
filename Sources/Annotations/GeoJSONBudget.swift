import Diagnostics

/// The budget check `GeoJSONParser.shapes` runs on the bytes before JSONSerialization builds anything from them.
///
/// Not a JSON parser: one pass that keeps track of strings (and their escapes) and brackets, and counts what would
/// cost memory once parsed: nesting depth, features (members named `geometry`) and positions (arrays whose first
/// element is a number). It stops at the first count past its limit, with the byte where that happened. Malformed
/// JSON passes through to JSONSerialization, which says what is wrong with it.
struct GeoJSONBudget {
    let limits: ShapeLimits
    let file: String

    private var depth = 0
    private var features = 0
    private var positions = 0

    init(limits: ShapeLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    /// Throws at the first byte that takes the file past a limit of `limits`.
    static func check(_ bytes: [UInt8], limits: ShapeLimits, file: String) throws(AnnotationError) {
        guard bytes.count <= limits.maxBytes else {
            throw AnnotationError(SourceLocation(file: file, byteOffset: limits.maxBytes),
                                  "the file has \(bytes.count) bytes; a shapes file may have at most \(limits.maxBytes)")
        }
        var budget = GeoJSONBudget(limits: limits, file: file)
        try budget.scan(bytes)
    }

    private mutating func scan(_ bytes: [UInt8]) throws(AnnotationError) {
        var index = 0
        var arrayJustOpened = false
        var lastString: Range<Int>?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let end = Self.endOfString(bytes, from: index + 1)
                lastString = (index + 1)..<end
                arrayJustOpened = false
                index = end
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                try enter(at: index)
                arrayJustOpened = byte == UInt8(ascii: "[")
                lastString = nil
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                arrayJustOpened = false
                lastString = nil
            case UInt8(ascii: ":"):
                if let key = lastString, bytes[key].elementsEqual("geometry".utf8) { try countFeature(at: key.lowerBound - 1) }
                lastString = nil
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            default:
                if arrayJustOpened, byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) { try countPosition(at: index) }
                arrayJustOpened = false
                lastString = nil
            }
            index += 1
        }
    }

    /// The index of the quote that closes the string whose text starts at `start` (or the end of the bytes).
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(index, bytes.count)
    }

    private mutating func enter(at offset: Int) throws(AnnotationError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw failure(at: offset, "arrays and objects nest more than \(limits.maxDepth) deep")
        }
    }

    private mutating func countFeature(at offset: Int) throws(AnnotationError) {
        features += 1
        guard features <= limits.maxFeatures else {
            throw failure(at: offset, "more than \(limits.maxFeatures) features; a shapes file may have at most that many")
        }
    }

    private mutating func countPosition(at offset: Int) throws(AnnotationError) {
        positions += 1
        guard positions <= limits.maxVertices else {
            throw failure(at: offset, "more than \(limits.maxVertices) positions; a shapes file may have at most that many vertices")
        }
    }

    private func failure(at offset: Int, _ message: String) -> AnnotationError {
        AnnotationError(SourceLocation(file: file, byteOffset: offset), message)
    }
}
