import Annotations

/// A read's shapes as annotation files: QuPath GeoJSON (what reads store) and ASAP XML, in and out, through the
/// Annotations parsers and their budgets.
public enum ReadAnnotations {
    public enum Format: String, Sendable, CaseIterable {
        case geojson, asap

        /// The format a file's name says: `.xml` is ASAP's, anything else is read as GeoJSON.
        public init(fileName: String) {
            self = fileName.lowercased().hasSuffix(".xml") ? .asap : .geojson
        }

        public var fileExtension: String { self == .asap ? "xml" : "geojson" }
    }

    /// The shapes of an annotation file, as the GeoJSON text a read stores.
    public static func readText(_ bytes: [UInt8], file: String, format: Format) throws -> String {
        let shapes = switch format {
        case .geojson: try GeoJSONParser.shapes(bytes, file: file)
        case .asap: try ASAPXMLParser.shapes(bytes, file: file)
        }
        return String(decoding: try GeoJSONWriter.bytes(shapes, file: file), as: UTF8.self)
    }

    /// A stored read's shapes as a file of `format`.
    public static func file(_ readText: String, item: String, format: Format) throws -> [UInt8] {
        let shapes = try ReadValidator.shapeSet(readText, item: item)
        let name = "\(item).\(format.fileExtension)"
        return switch format {
        case .geojson: try GeoJSONWriter.bytes(shapes, file: name)
        case .asap: try ASAPXMLWriter.bytes(shapes, file: name)
        }
    }
}
