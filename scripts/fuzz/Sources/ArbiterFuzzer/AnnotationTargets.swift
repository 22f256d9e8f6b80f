import Annotations
import Challenge

/// `geojson`: QuPath GeoJSON lesion polygons (`GeoJSONParser.regions`), then rasterised as a truth mask would be.
let geoJSONTarget = FuzzTarget(name: "geojson", covers: "GeoJSONParser.regions, then the lesion mask") { input in
    guard let regions = try? GeoJSONParser.regions([UInt8](input), file: "annotations.geojson") else { return }
    AnnotationFuzzing.rasterise(SlideAnnotations(lesions: regions))
}

/// `asap`: ASAP annotation XML (`ASAPXMLParser.annotations`), then rasterised with its exclusions.
let asapTarget = FuzzTarget(name: "asap", covers: "ASAPXMLParser.annotations, then the lesion mask") { input in
    guard let annotations = try? ASAPXMLParser.annotations([UInt8](input), file: "annotations.xml") else { return }
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
