import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geometry

/// Reads ASAP annotation XML (CAMELYON16's format): `Annotation` elements of type Polygon with `Coordinate`
/// children in `Order`. Groups `_2` and `Exclusion` are cut out of the lesions; every other group is lesion.
public enum ASAPXMLParser {
    public static func annotations(_ bytes: [UInt8], file: String) throws(AnnotationError) -> SlideAnnotations {
        let delegate = ASAPDelegate(types: ["Polygon", "Spline"], limits: nil)
        try run(bytes, file: file, delegate: delegate)
        var result = SlideAnnotations()
        for annotation in delegate.annotations where annotation.points.count >= 3 {
            let region = PolygonRegion(rings: [annotation.orderedPoints])
            if ["_2", "exclusion"].contains(annotation.group.lowercased()) {
                result.exclusions.append(region)
            } else {
                result.lesions.append(region)
            }
        }
        return result
    }
}

extension ASAPXMLParser {
    /// Parses `bytes` with Foundation's streaming XML parser, handing the elements to `delegate`. Refuses what would
    /// trip that parser first (bytes that are not UTF-8, processing instructions), and throws the delegate's
    /// problem, if it found one, before the parser's own error (the delegate stops the parser at its problem).
    static func run(_ bytes: [UInt8], file: String, delegate: ASAPDelegate) throws(AnnotationError) {
        // Foundation's XML parser traps on element names that are not UTF-8; ASAP writes UTF-8, so anything else is refused first.
        if let offset = UTF8Validation.firstInvalidByte(bytes) {
            throw AnnotationError(SourceLocation(file: file, byteOffset: offset), "not valid ASAP XML: the file is not UTF-8 text")
        }
        // Foundation's XML parser dereferences a null string for a processing instruction without data (`<?a?>`);
        // ASAP writes none besides the XML declaration, so any other is refused before parsing.
        if let offset = processingInstruction(in: bytes) {
            throw AnnotationError(SourceLocation(file: file, byteOffset: offset), "not valid ASAP XML: processing instructions (\"<?\") are not part of ASAP XML")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = delegate
        let parsed = parser.parse()
        if let problem = delegate.problem, delegate.stopped || parsed {
            throw AnnotationError(SourceLocation(file: file, line: problem.line, within: problem.within), problem.message)
        }
        guard parsed else {
            let reason = parser.parserError?.localizedDescription ?? "malformed XML"
            throw AnnotationError(SourceLocation(file: file, line: parser.lineNumber), "not valid ASAP XML: \(reason)")
        }
    }
}

extension ASAPXMLParser {
    /// Offset of the first `<?` other than a leading XML declaration (`<?xml version=…?>`, after an optional
    /// byte-order mark). A declaration with nothing in it (`<?xml?>`) counts as an instruction: Foundation's parser
    /// trips on it the same way.
    static func processingInstruction(in bytes: [UInt8]) -> Int? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let declaration = Array("<?xml".utf8)
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") {
                let isDeclaration = index == start && bytes[index...].starts(with: declaration) && hasPseudoAttributes(bytes, from: index + 5)
                if !isDeclaration { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether the declaration starting before `index` goes on with white space and then something before its `?>`.
    private static func hasPseudoAttributes(_ bytes: [UInt8], from index: Int) -> Bool {
        let space: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        guard index < bytes.count, space.contains(bytes[index]) else { return false }
        var cursor = index
        while cursor < bytes.count, space.contains(bytes[cursor]) { cursor += 1 }
        return cursor < bytes.count && bytes[cursor] != UInt8(ascii: "?")
    }
}
