import Foundation
import Scoring

/// Every label-agreement statistic of a set of reads, as text or JSON (NaN as null): what `arbiter score agreement`
/// prints for a reads file, and `arbiter study agreement` and the API for a study's latest reads.
public struct AgreementReport: Encodable, Sendable {
    /// A statistic's value and, with a bootstrap, its 95% interval.
    public struct Value: Encodable, Sendable {
        public let value: Double?
        public let lower: Double?
        public let upper: Double?
        public let undefinedResamples: Int?

        init(_ interval: AgreementInterval?, estimate: Double) {
            value = estimate.isNaN ? nil : estimate
            lower = interval.flatMap { $0.lower.isNaN ? nil : $0.lower }
            upper = interval.flatMap { $0.upper.isNaN ? nil : $0.upper }
            undefinedResamples = interval?.undefinedResampleCount
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            if undefinedResamples != nil {
                try container.encode(lower, forKey: .lower)
                try container.encode(upper, forKey: .upper)
                try container.encode(undefinedResamples, forKey: .undefinedResamples)
            }
        }

        private enum CodingKeys: String, CodingKey { case value, lower, upper, undefinedResamples }

        public var text: String {
            let number = value.map { String(format: "%.6f", $0) } ?? "undefined"
            guard undefinedResamples != nil else { return number }
            guard let lower, let upper else { return number + " (95% interval undefined)" }
            return number + String(format: " (95%% interval %.6f to %.6f)", lower, upper)
        }
    }

    public struct Pair: Encodable, Sendable {
        public let readerA: String
        public let readerB: String
        public let items: Int
        public let kappa: Value
    }

    public struct Fleiss: Encodable, Sendable {
        public let kappa: Value
        public let readsPerItem: Int
        public let items: Int
        public let leftOutItems: Int
    }

    public let items: Int
    public let reads: Int
    public let readers: [String]
    public let categories: [String]
    public let ordered: Bool
    public let weights: String
    public let resamples: Int
    public let seed: UInt64?
    public let cohenKappa: [Pair]
    public let fleissKappa: Fleiss
    /// Nominal always; ordinal when the categories are ordered.
    public let krippendorffAlpha: [String: Value]
    public let itemsReadTwice: Int
    public let percentAgreement: Value

    /// `ordered`: whether the categories are in order, so ordinal alpha applies.
    public init(_ study: AgreementReads, ordered: Bool, weights: KappaWeights, weightsName: String, plan: BootstrapPlan?) throws {
        let pairs = (0..<study.readerCount).flatMap { a in ((a + 1)..<study.readerCount).map { (a, $0) } }
        let levels: [MeasurementLevel] = ordered ? [.nominal, .ordinal] : [.nominal]
        let statistics = pairs.map { AgreementStatistic.cohenKappa(readerA: $0.0, readerB: $0.1, weights: weights) }
            + [.fleissKappa, .percentAgreement] + levels.map { .krippendorffAlpha($0) }
        let values = try Self.values(study, statistics, plan: plan)
        items = study.itemCount
        reads = study.readCount
        readers = study.readerIDs
        categories = study.categories
        self.ordered = ordered
        self.weights = weightsName
        resamples = plan?.resampleCount ?? 0
        seed = plan?.seed
        cohenKappa = zip(pairs, values).map { pair, value in
            Pair(readerA: study.readerIDs[pair.0], readerB: study.readerIDs[pair.1],
                 items: study.sharedItemCount(readerA: pair.0, readerB: pair.1), kappa: value)
        }
        let fleiss = FleissKappa(study)
        fleissKappa = Fleiss(
            kappa: values[pairs.count], readsPerItem: fleiss.readsPerItem, items: fleiss.itemCount,
            leftOutItems: fleiss.leftOutItemCount)
        percentAgreement = values[pairs.count + 1]
        krippendorffAlpha = Dictionary(uniqueKeysWithValues: zip(levels.map(\.rawValue), values[(pairs.count + 2)...]))
        itemsReadTwice = study.itemsReadTwiceCount
    }

    /// Each statistic on all items, with its interval when there is a plan.
    private static func values(_ study: AgreementReads, _ statistics: [AgreementStatistic], plan: BootstrapPlan?) throws -> [Value] {
        if let plan {
            return try AgreementBootstrap.intervals(study, statistics: statistics, plan: plan).map { Value($0, estimate: $0.estimate) }
        }
        return try statistics.map { Value(nil, estimate: try $0.value(study)) }
    }

    public var text: String {
        var lines = [
            "\(items) items, \(readers.count) readers, \(reads) reads; categories \(categories.joined(separator: ", "))"
                + (ordered ? " (ordered)" : " (unordered)"),
            "Cohen's kappa (weights: \(weights)):",
        ]
        lines += cohenKappa.map { "  \($0.readerA) vs \($0.readerB): \($0.kappa.text) on \($0.items) items" }
        lines.append("Fleiss' kappa: \(fleissKappa.kappa.text) on \(fleissKappa.items) items with \(fleissKappa.readsPerItem) reads"
            + " (\(fleissKappa.leftOutItems) items with another number of reads left out)")
        lines += krippendorffAlpha.sorted { $0.key < $1.key }.map { "Krippendorff's alpha (\($0.key)): \($0.value.text)" }
        lines.append("Percent agreement: \(percentAgreement.text) on \(itemsReadTwice) items read at least twice")
        if let seed { lines.append("Intervals: percentile bootstrap of the items, \(resamples) resamples, seed \(seed)") }
        return lines.joined(separator: "\n")
    }
}
