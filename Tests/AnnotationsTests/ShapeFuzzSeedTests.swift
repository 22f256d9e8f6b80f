import Annotations
import Foundation
import Testing
import TestSupport

/// The fuzz targets' hand-made shape seeds (`scripts/fuzz/make-seeds`) start where they should: the `refused-*` ones
/// are refused, every other one is read, so libFuzzer begins with the writers' round trip covered.
@Suite("Shape fuzz seeds")
struct ShapeFuzzSeedTests {
    static func seeds(_ target: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.path("scripts/fuzz/seeds/\(target)")).sorted()
    }

    @Test func geoJSONSeedsAreReadOrRefusedAsNamed() throws {
        for name in try Self.seeds("geojson") {
            let bytes = try RepositoryFiles.bytes("scripts/fuzz/seeds/geojson/\(name)")
            let read = Result { () throws(AnnotationError) in try GeoJSONParser.shapes(bytes, file: name) }
            #expect((try? read.get()) == nil ? name.hasPrefix("refused-") : !name.hasPrefix("refused-"), "\(name): \(read)")
        }
    }

    @Test func asapSeedsOfShapesAreReadOrRefusedAsNamed() throws {
        for name in try Self.seeds("asap") where name != "camelyon.xml" {
            let bytes = try RepositoryFiles.bytes("scripts/fuzz/seeds/asap/\(name)")
            let read = Result { () throws(AnnotationError) in try ASAPXMLParser.shapes(bytes, file: name) }
            #expect((try? read.get()) == nil ? name.hasPrefix("refused-") : !name.hasPrefix("refused-"), "\(name): \(read)")
        }
    }
}
