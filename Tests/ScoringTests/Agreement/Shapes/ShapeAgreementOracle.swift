import Foundation
import Geometry
import Scoring
import Testing
import TestSupport

/// `Fixtures/oracles/agreement/shape-agreement.json`, written by `scripts/oracles/shape_agreement_oracle.py` with
/// scikit-image's `draw.polygon`, scipy's `linear_sum_assignment` and numpy (the script's docstring says what each
/// field holds). null stands for NaN.
struct ShapeAgreementOracle: Decodable {
    struct Grid: Decodable, Sendable {
        let originX: Int
        let originY: Int
        let width: Int
        let height: Int
        let level: Int
        let columns: Int
        let rows: Int

        func itemGrid() throws -> ItemGrid {
            try ItemGrid(originX: originX, originY: originY, width: width, height: height, level: level)
        }
    }

    struct Polygon: Decodable, Sendable {
        let `class`: String
        let rings: [[[Double]]]
    }

    struct Point: Decodable, Sendable {
        let `class`: String
        let x: Double
        let y: Double
    }

    struct Read: Decodable, Sendable {
        let item: String
        let reader: String
        let polygons: [Polygon]
        let points: [Point]

        var shapeRead: ShapeRead {
            ShapeRead(
                item: item, reader: reader,
                polygons: polygons.map { polygon in
                    ClassedPolygon(
                        className: polygon.class,
                        region: PolygonRegion(rings: polygon.rings.map { $0.map { PlanePoint(x: $0[0], y: $0[1]) } }))
                },
                points: points.map { ClassedPoint(className: $0.class, point: PlanePoint(x: $0.x, y: $0.y)) })
        }
    }

    struct Pair: Decodable, Sendable {
        let readerA: Int
        let readerB: Int
        let shared: Int
        let countA: Int
        let countB: Int
        let value: Double
    }

    struct Item: Decodable, Sendable {
        let item: String
        let mean: Double?
        let pairs: [Pair]
    }

    struct PairMean: Decodable, Sendable {
        let readerA: Int
        let readerB: Int
        let itemCount: Int
        let mean: Double
    }

    /// One statistic on every item: Dice (no radius) or point F1.
    struct Result: Decodable, Sendable {
        let `class`: String?
        let radius: Double?
        let micrometres: Double?
        let micronsPerPixel: Double?
        let items: [Item]
        let mean: Double?
        let pairMeans: [PairMean]
    }

    struct Statistic: Decodable, Sendable {
        let kind: String
        let `class`: String?
        let radius: Double?
        let estimate: Double?
        let resampled: [Double?]
        let lower: Double?
        let upper: Double?
    }

    struct Bootstrap: Decodable, Sendable {
        let seed: UInt64
        let resamples: Int
        let confidence: Double
        let firstResample: [Int]
        let statistics: [Statistic]
    }

    struct Study: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let description: String
        let grids: [String: Grid]
        let reads: [Read]
        let dice: [Result]
        let points: [Result]
        let bootstrap: Bootstrap
        var testDescription: String { name }

        func shapeReads() throws -> ShapeReads { try ShapeReads(reads.map(\.shapeRead)) }
        func itemGrids() throws -> [String: ItemGrid] { try grids.mapValues { try $0.itemGrid() } }
    }

    let studies: [Study]

    static let shared = RepositoryFiles.oracle(
        ShapeAgreementOracle.self, "Fixtures/oracles/agreement/shape-agreement.json", snakeCaseKeys: true)
}
