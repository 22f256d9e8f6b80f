import Annotations
import Challenge
import Evaluation
import Foundation
import Geometry
import Scoring
import TestSupport

/// Fixtures/oracles/lesions/froc.json: scripts/oracles/camelyon16_froc_port.py (the CAMELYON16 script and the
/// documented protocol) on Fixtures/lesions/froc.
struct FROCOracle: Decodable {
    struct Slide: Decodable {
        let width: Int
        let height: Int
        let is_tumor: Bool
        let camelyon16: Regions
        let froc: Regions
    }

    struct Regions: Decodable {
        let regions: Int
        let itc_labels: [Int]
        let major_axis_lengths: [Double]
        let region_pixels: [Int]
    }

    struct Curve: Decodable {
        let submitted_cases: [String]?
        let thresholds: [Double?]
        let total_fp: [Int]
        let total_tp: [Int]
        let fp_per_slide: [Double]
        let sensitivity: [Double]
        let sensitivities: [Double]
        let score: Double
    }

    struct PredictionSet: Decodable {
        let file: String
        let camelyon16: Curve
        let froc: Curve
    }

    let slides: [String: Slide]
    let prediction_sets: [String: PredictionSet]

    static let shared: FROCOracle = try! JSONDecoder().decode(
        FROCOracle.self, from: Data(contentsOf: RepositoryFiles.url("Fixtures/oracles/lesions/froc.json")))

    static let folder = "Fixtures/lesions/froc/"

    /// Lesion polygons per slide from the WKT CSV.
    static func wktAnnotations() throws -> [String: SlideAnnotations] {
        let table = try CSVReader.parse(RepositoryFiles.bytes(folder + "annotations-wkt.csv"))
        var annotations: [String: SlideAnnotations] = [:]
        for row in table.rows {
            let regions = try WKTParser.regions(row.fields[1], file: "annotations-wkt.csv", line: row.line)
            annotations[row.fields[0], default: SlideAnnotations()].lesions += regions
        }
        return annotations
    }

    static func points(_ file: String) throws -> [String: [LesionPoint]] {
        let table = try CSVReader.parse(RepositoryFiles.bytes(folder + file))
        var points: [String: [LesionPoint]] = [:]
        for row in table.rows {
            let numbers = row.fields[1...3].map { Double($0)! }
            points[row.fields[0], default: []].append(LesionPoint(x: numbers[0], y: numbers[1], confidence: numbers[2]))
        }
        return points
    }

    /// Slides in the oracle's order with their evaluation masks under a protocol.
    static func slides(_ annotations: [String: SlideAnnotations], points: [String: [LesionPoint]], settings: FROCSettings) -> [FROCSlide] {
        shared.slides.keys.sorted().map { id in
            let slide = shared.slides[id]!
            let size = 1 << settings.level
            let (width, height) = ((slide.width + size - 1) / size, (slide.height + size - 1) / size)
            let mask: EvaluationMask? = slide.is_tumor
                ? EvaluationMask(lesions: annotations[id]!.mask(width: width, height: height, level: settings.level), width: width, height: height, settings: settings)
                : nil
            return FROCSlide(caseID: id, mask: mask, points: points[id] ?? [])
        }
    }
}
