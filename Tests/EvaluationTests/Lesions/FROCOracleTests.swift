import Annotations
import Challenge
import Foundation
import Geometry
import Imaging
import Scoring
import TestSupport
import Testing

/// The FROC of both protocols equals the CAMELYON16 script's port and the documented variant, within 1e-9.
@Suite struct FROCOracleTests {
    static func close(_ a: Double, _ b: Double) -> Bool { a == b || abs(a - b) <= 1e-9 }

    /// (threshold, false positives per slide, sensitivity) triples, rounded to 1e-12 so 1e-9 noise cannot split them.
    static func points(_ thresholds: [Double?], _ rates: [Double], _ sensitivities: [Double]) -> [String] {
        zip(thresholds, zip(rates, sensitivities)).map { threshold, pair in
            "\(threshold.map { "\($0)" } ?? "end") \((pair.0 * 1e12).rounded()) \((pair.1 * 1e12).rounded())"
        }.sorted()
    }

    @Test func wktPolygonsRasteriseToTheReferenceMasks() throws {
        let annotations = try FROCOracle.wktAnnotations()
        for (id, slide) in FROCOracle.shared.slides where slide.is_tumor {
            let png = try PNGCodec.decode(RepositoryFiles.bytes(FROCOracle.folder + "masks/\(id)_level5.png"), channels: 1)
            let mask = annotations[id]!.mask(width: png.width, height: png.height, level: 5)
            #expect(mask == png.pixels.map { $0 == 255 }, "\(id)")
        }
    }

    @Test func geoJSONGivesTheSameRegionsAsWKT() throws {
        let annotations = try FROCOracle.wktAnnotations()
        for (id, slide) in FROCOracle.shared.slides {
            let bytes = try RepositoryFiles.bytes(FROCOracle.folder + "geojson/\(id).geojson")
            let regions = try GeoJSONParser.regions(bytes, file: "\(id).geojson")
            #expect(regions.count == (annotations[id]?.lesions.count ?? 0), "\(id)")
            let size = 32
            let (width, height) = (slide.width / size, slide.height / size)
            #expect(SlideAnnotations(lesions: regions).mask(width: width, height: height, level: 5)
                == (annotations[id] ?? SlideAnnotations()).mask(width: width, height: height, level: 5))
        }
    }

    @Test(arguments: FROCProtocol.allCases)
    func evaluationRegionsAndIsolatedTumourCellsMatch(protocolName: FROCProtocol) throws {
        let annotations = try FROCOracle.wktAnnotations()
        let settings = FROCSettings(protocolName: protocolName)
        for slide in FROCOracle.slides(annotations, points: [:], settings: settings) {
            let expected = protocolName == .camelyon16 ? FROCOracle.shared.slides[slide.caseID]!.camelyon16 : FROCOracle.shared.slides[slide.caseID]!.froc
            #expect((slide.mask?.regionCount ?? 0) == expected.regions, "\(slide.caseID)")
            #expect((slide.mask?.isolatedTumourCells ?? []) == Set(expected.itc_labels), "\(slide.caseID)")
            #expect(slide.mask?.regionPixelCounts ?? [] == expected.region_pixels, "\(slide.caseID)")
            let lengths = slide.mask?.majorAxisLengths ?? []
            #expect(lengths.count == expected.major_axis_lengths.count && zip(lengths, expected.major_axis_lengths).allSatisfy { Self.close($0, $1) })
        }
    }

    @Test(arguments: ["main", "all-hit", "fp-heavy"], FROCProtocol.allCases)
    func curveAndScoreMatch(set: String, protocolName: FROCProtocol) throws {
        let expectedSet = FROCOracle.shared.prediction_sets[set]!
        let expected = protocolName == .camelyon16 ? expectedSet.camelyon16 : expectedSet.froc
        let settings = FROCSettings(protocolName: protocolName)
        let slides = FROCOracle.slides(try FROCOracle.wktAnnotations(), points: try FROCOracle.points("predictions/\(set).csv"), settings: settings)
        let curve = FROCCurve(slides: slides, settings: settings)
        // Where a false positive's confidence and a hit's float32 confidence round to the same float32, the
        // script orders the two thresholds as CPython's set iteration happens to; Arbiter orders by value.
        // Compare the curve as a set of points, then the sensitivities and the score exactly.
        #expect(Self.points(curve.thresholds, curve.falsePositivesPerSlide, curve.sensitivities)
            == Self.points(expected.thresholds, expected.fp_per_slide, expected.sensitivity))
        #expect(zip(curve.sensitivityAtRates, expected.sensitivities).allSatisfy { Self.close($0, $1) }, "\(curve.sensitivityAtRates)")
        #expect(Self.close(curve.score ?? .nan, expected.score))
    }
}
