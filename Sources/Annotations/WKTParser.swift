import Diagnostics
import Foundation
import Geometry

/// Reads `POLYGON ((x y, …), (hole…))` and `MULTIPOLYGON (((…)), ((…)))` well-known text.
public enum WKTParser {
    /// The regions of `text`, the well-known text found in `file` (on `line`, when it is a field of a table).
    public static func regions(_ text: String, file: String, line: Int? = nil) throws(AnnotationError) -> [PolygonRegion] {
        let location = SourceLocation(file: file, line: line)
        var scanner = WKTScanner(text: Array(text.utf8), location: location)
        let keyword = scanner.word().uppercased()
        let regions: [PolygonRegion]
        switch keyword {
        case "POLYGON":
            regions = [PolygonRegion(rings: try scanner.rings())]
        case "MULTIPOLYGON":
            regions = try scanner.list { scanner throws(AnnotationError) in PolygonRegion(rings: try scanner.rings()) }
        default:
            throw AnnotationError(location, "expected POLYGON or MULTIPOLYGON, found \"\(keyword.prefix(20))\"")
        }
        try scanner.expectEnd()
        return regions
    }
}

private struct WKTScanner {
    let text: [UInt8]
    let location: SourceLocation
    var position = 0

    mutating func skipSpaces() {
        while position < text.count, [0x20, 0x09, 0x0A, 0x0D].contains(text[position]) { position += 1 }
    }

    mutating func word() -> String {
        skipSpaces()
        let start = position
        while position < text.count, (text[position] >= 0x41 && text[position] <= 0x5A) || (text[position] >= 0x61 && text[position] <= 0x7A) { position += 1 }
        return String(decoding: text[start..<position], as: UTF8.self)
    }

    func failure(_ message: String) -> AnnotationError {
        AnnotationError(location.within("character \(position + 1)"), message)
    }

    mutating func expect(_ byte: UInt8) throws(AnnotationError) {
        skipSpaces()
        guard position < text.count, text[position] == byte else {
            throw failure("expected \"\(Character(Unicode.Scalar(byte)))\"" + (position < text.count ? "" : " before the end"))
        }
        position += 1
    }

    mutating func expectEnd() throws(AnnotationError) {
        skipSpaces()
        guard position == text.count else { throw failure("unexpected text after the geometry") }
    }

    /// `( item, item, … )`
    mutating func list<Item>(_ item: (inout WKTScanner) throws(AnnotationError) -> Item) throws(AnnotationError) -> [Item] {
        try expect(0x28)
        var items = [try item(&self)]
        skipSpaces()
        while position < text.count, text[position] == 0x2C {
            position += 1
            items.append(try item(&self))
            skipSpaces()
        }
        try expect(0x29)
        return items
    }

    mutating func rings() throws(AnnotationError) -> [[PlanePoint]] {
        try list { scanner throws(AnnotationError) in
            let ring = try scanner.list { scanner throws(AnnotationError) in try scanner.point() }
            guard ring.count >= 3 else { throw scanner.failure("a ring needs at least 3 points, found \(ring.count)") }
            return ring
        }
    }

    mutating func point() throws(AnnotationError) -> PlanePoint {
        let x = try number()
        let y = try number()
        return PlanePoint(x: x, y: y)
    }

    mutating func number() throws(AnnotationError) -> Double {
        skipSpaces()
        let start = position
        while position < text.count, "+-.0123456789eE".utf8.contains(text[position]) { position += 1 }
        let token = String(decoding: text[start..<position], as: UTF8.self)
        guard let value = Double(token), value.isFinite else {
            position = start
            throw failure("expected a number, found \"\(token.isEmpty ? String(decoding: text[start..<min(start + 10, text.count)], as: UTF8.self) : token)\"")
        }
        return value
    }
}
