import Scoring

/// The outcome of scoring a lesion or segmentation submission: aggregate metrics, per-case values and curves.
public struct TaskEvaluation: Sendable, Encodable, Equatable {
    /// One aggregate metric.
    public struct Metric: Sendable, Encodable, Equatable {
        public let key: String
        public let title: String
        public let higherIsBetter: Bool
        /// Nil where the metric is undefined (for example AUROC when every case is positive).
        public let value: Double?

        public init(key: String, title: String, higherIsBetter: Bool, value: Double?) {
            self.key = key
            self.title = title
            self.higherIsBetter = higherIsBetter
            self.value = value
        }
    }

    /// The values stored for one case (the long table of case, metric, value).
    public struct CaseValues: Sendable, Encodable, Equatable {
        public let caseID: String
        public let values: [String: Double?]

        public init(caseID: String, values: [String: Double?]) {
            self.caseID = caseID
            self.values = values
        }
    }

    /// A curve to plot (FROC, lesion ROC…).
    public struct Curve: Sendable, Encodable, Equatable {
        public let name: String
        public let xLabel: String
        public let yLabel: String
        public let x: [Double]
        public let y: [Double]

        public init(name: String, xLabel: String, yLabel: String, x: [Double], y: [Double]) {
            self.name = name
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.x = x
            self.y = y
        }
    }

    public let caseCount: Int
    public let metrics: [Metric]
    public let cases: [CaseValues]
    public let curves: [Curve]

    public init(caseCount: Int, metrics: [Metric], cases: [CaseValues], curves: [Curve]) {
        self.caseCount = caseCount
        self.metrics = metrics
        self.cases = cases
        self.curves = curves
    }

    /// The metric with a key, if reported.
    public func value(_ key: String) -> Double? {
        metrics.first { $0.key == key }?.value
    }
}
