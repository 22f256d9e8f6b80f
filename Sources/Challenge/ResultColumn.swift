import Scoring

/// One number a phase reports per split, as a leaderboard column.
public struct ResultColumn: Sendable, Equatable, Codable {
    /// Stable key stored with results, such as `cost-matrix` or `recall:2`.
    public let key: String
    public let title: String
    public let direction: MetricDirection
    /// Whether the value is also stored per case (bootstrap and ranking use those).
    public let isPerCase: Bool
}

extension ChallengeSpec {
    /// The columns of the configured metrics, primary first; per-class metrics expand to one per class.
    public var resultColumns: [ResultColumn] {
        metrics.all.flatMap { metric -> [ResultColumn] in
            switch metric.kind {
            case .classRecall, .auroc:
                let prefix = metric.kind == .classRecall ? "recall" : "auroc"
                return task.classes.map { label in
                    ResultColumn(key: "\(prefix):\(label.id)", title: "\(metric.kind.title) \(label.name)",
                                 direction: .higherIsBetter, isPerCase: false)
                }
            case .costMatrix, .accuracy:
                return [ResultColumn(key: metric.kind.rawValue, title: metric.kind.title,
                                     direction: metric.direction, isPerCase: true)]
            case .quadraticWeightedKappa, .macroAUROC, .frocScore, .picaiScore, .caseAUROC, .averagePrecision:
                return [ResultColumn(key: metric.kind.rawValue, title: metric.kind.title,
                                     direction: metric.direction, isPerCase: false)]
            case .dice, .iou, .hausdorff, .hausdorff95:
                return [ResultColumn(key: metric.kind.rawValue, title: metric.kind.title,
                                     direction: metric.direction, isPerCase: true)]
            case .frocSensitivity:
                return (task.froc ?? FROCSettings()).falsePositiveRates.map { rate in
                    ResultColumn(key: "sensitivity@\(rate)", title: "Sensitivity at \(rate) FP/slide", direction: .higherIsBetter, isPerCase: false)
                }
            case .lesionSensitivity:
                return (task.detection ?? DetectionSettings()).falsePositiveRates.map { rate in
                    ResultColumn(key: "lesion-sensitivity@\(rate)", title: "Lesion sensitivity at \(rate) FP/case", direction: .higherIsBetter, isPerCase: false)
                }
            case .surfaceDice:
                return (task.segmentation ?? SegmentationSettings()).tolerances.map { tolerance in
                    ResultColumn(key: "surface-dice@\(tolerance)", title: "NSD at \(tolerance)", direction: .higherIsBetter, isPerCase: true)
                }
            }
        }
    }

    /// The column that ranks teams.
    public var primaryColumn: ResultColumn { resultColumns[0] }
}
