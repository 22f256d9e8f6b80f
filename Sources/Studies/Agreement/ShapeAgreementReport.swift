import Foundation
import Scoring

/// Shape agreement of a study as the CLI and the API give it: Dice of polygons and F1 of points, each as the mean over
/// items read at least twice and per pair of readers (NaN as null).
public struct ShapeAgreementReport: Encodable, Sendable {
    public struct Pair: Encodable, Sendable {
        public let readerA: String
        public let readerB: String
        public let items: Int
        public let mean: Double?
    }

    public struct Statistic: Encodable, Sendable {
        public let name: String
        public let mean: Double?
        public let itemsReadTwice: Int
        public let pairs: [Pair]

        init(name: String, _ agreement: ShapeAgreement) {
            self.name = name
            mean = agreement.mean.isNaN ? nil : agreement.mean
            itemsReadTwice = agreement.items.count { !$0.pairs.isEmpty }
            pairs = agreement.pairMeans.map {
                Pair(readerA: agreement.readerIDs[$0.readerA], readerB: agreement.readerIDs[$0.readerB], items: $0.itemCount,
                     mean: $0.mean.isNaN ? nil : $0.mean)
            }
        }

        var text: String {
            let number = mean.map { String(format: "%.6f", $0) } ?? "undefined"
            return (["\(name): \(number) on \(itemsReadTwice) items read at least twice"]
                + pairs.map { "  \($0.readerA) vs \($0.readerB): \($0.mean.map { String(format: "%.6f", $0) } ?? "undefined") on \($0.items) items" })
                .joined(separator: "\n")
        }
    }

    /// Level-0 pixels within which two readers' points match.
    public let pointRadius: Double
    public let polygonDice: Statistic?
    public let pointF1: Statistic?

    public init(polygons: ShapeAgreement?, points: ShapeAgreement?, pointRadius: Double) {
        self.pointRadius = pointRadius
        polygonDice = polygons.map { Statistic(name: "Polygon Dice", $0) }
        pointF1 = points.map { Statistic(name: "Point F1 within \(pointRadius) px", $0) }
    }

    public var text: String {
        let parts = [polygonDice?.text, pointF1?.text].compactMap { $0 }
        return parts.isEmpty ? "Shapes: no item has two readers' shapes yet" : parts.joined(separator: "\n")
    }
}

extension ReaderStudy {
    /// `shapeAgreement(pointRadius:)` as a report.
    public func shapeAgreementReport(pointRadius: Double) throws -> ShapeAgreementReport {
        let (polygons, points) = try shapeAgreement(pointRadius: pointRadius)
        return ShapeAgreementReport(polygons: polygons, points: points, pointRadius: pointRadius)
    }
}
