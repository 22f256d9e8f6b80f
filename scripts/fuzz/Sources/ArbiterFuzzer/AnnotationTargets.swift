import Annotations
import Challenge
import Geometry

/// `geojson`: QuPath GeoJSON lesion polygons (`GeoJSONParser.regions`), then rasterised as a truth mask would be;
/// and the classed shapes of a read (`GeoJSONParser.shapes`, default and small limits), written back and read again.
let geoJSONTarget = FuzzTarget(
    name: "geojson", covers: "GeoJSONParser.regions, then the lesion mask; GeoJSONParser.shapes, round trip"
) { input in
    let bytes = [UInt8](input)
    ShapeFuzzing.roundTrip(bytes, read: GeoJSONParser.shapes, write: ShapeFuzzing.geoJSON)
    guard let regions = try? GeoJSONParser.regions(bytes, file: "annotations.geojson") else { return }
    AnnotationFuzzing.rasterise(SlideAnnotations(lesions: regions))
}

/// `asap`: ASAP annotation XML (`ASAPXMLParser.annotations`), then rasterised with its exclusions; and the classed
/// shapes of a read (`ASAPXMLParser.shapes`, default and small limits), written back and read again.
let asapTarget = FuzzTarget(
    name: "asap", covers: "ASAPXMLParser.annotations, then the lesion mask; ASAPXMLParser.shapes, round trip"
) { input in
    let bytes = [UInt8](input)
    ShapeFuzzing.roundTrip(bytes, read: ASAPXMLParser.shapes, write: ShapeFuzzing.asap)
    guard let annotations = try? ASAPXMLParser.annotations(bytes, file: "annotations.xml") else { return }
    AnnotationFuzzing.rasterise(annotations)
}

/// `wkt`: well-known text polygons (`WKTParser.regions`), as in an `annotations-wkt.csv` cell, then rasterised.
let wktTarget = FuzzTarget(name: "wkt", covers: "WKTParser.regions, then the lesion mask") { input in
    let text = String(decoding: UnsafeRawBufferPointer(input), as: UTF8.self)
    guard let regions = try? WKTParser.regions(text, file: "annotations-wkt.csv", line: 2) else { return }
    AnnotationFuzzing.rasterise(SlideAnnotations(lesions: regions))
}

enum AnnotationFuzzing {
    /// The mask of small grids at level 0 and at a coarse level, as the FROC truth builds it.
    static func rasterise(_ annotations: SlideAnnotations) {
        _ = annotations.mask(width: 64, height: 48, level: 0)
        _ = annotations.mask(width: 40, height: 30, level: 5)
    }
}

enum ShapeFuzzing {
    /// Limits small enough for libFuzzer's inputs to pass them, so the budget paths run too.
    static let small = ShapeLimits(maxBytes: 4096, maxFeatures: 4, maxVertices: 16, maxDepth: 8)
    /// No limit an input can reach: what one parse accepted, its written copy must not be refused for size.
    static let unlimited = ShapeLimits(maxBytes: .max, maxFeatures: .max, maxVertices: .max, maxDepth: .max)

    static func geoJSON(_ shapes: ShapeSet, file: String) throws(AnnotationError) -> [UInt8] {
        try GeoJSONWriter.bytes(shapes, file: file)
    }

    static func asap(_ shapes: ShapeSet, file: String) throws(AnnotationError) -> [UInt8] {
        try ASAPXMLWriter.bytes(shapes, file: file)
    }

    /// Reads the shapes with small and default limits, rasterises them, writes what was read and reads that again.
    /// **Cross-check**: whatever the parser accepts, its writer writes, and the written file reads back to the same
    /// shapes.
    static func roundTrip(_ bytes: [UInt8],
                          read: (_ bytes: [UInt8], _ file: String, _ limits: ShapeLimits) throws(AnnotationError) -> ShapeSet,
                          write: (_ shapes: ShapeSet, _ file: String) throws(AnnotationError) -> [UInt8]) {
        _ = try? read(bytes, "read", small)
        guard let shapes = try? read(bytes, "read", ShapeLimits()) else { return }
        _ = PolygonRasterizer.mask(shapes.shapes.compactMap(\.geometry.region), width: 40, height: 30, level: 0)
        let written: [UInt8]
        do {
            written = try write(shapes, "written")
        } catch {
            return crossCheckFailed("the writer refused shapes its parser accepted: \(error)")
        }
        do {
            let again = try read(written, "written", unlimited)
            if again != shapes {
                crossCheckFailed("written shapes read back differently: \(shapes.shapes.prefix(3)) became \(again.shapes.prefix(3))")
            }
        } catch {
            crossCheckFailed("the written shapes do not read back: \(error)")
        }
    }
}
