import Challenge
import Geometry
import Parallel
import Scoring

/// Scores `slide-lesion-detection` (CAMELYON16 style): points against lesion outlines, by FROC.
public struct SlideLesionEvaluator: Sendable {
    public static let scorerVersion = TaskKind.slideLesionDetection.scorerVersion
    public var settings: FROCSettings

    public init(settings: FROCSettings = FROCSettings()) {
        self.settings = settings
    }

    /// Builds every slide's evaluation mask and looks its points up in parallel, then the curve.
    public func evaluate(truth: SlideLesionTruth, points: [String: [LesionPoint]]) async throws -> TaskEvaluation {
        let settings = self.settings
        let scored = try await ParallelMap.mapInTasks(count: truth.slides.count) { index -> (FROCSlide, FROCSlideOutcome) in
            let slide = truth.slides[index]
            let mask = truth.mask(of: slide, level: settings.level).map { EvaluationMask(lesions: $0, settings: settings) }
            let scored = FROCSlide(caseID: slide.caseID, mask: mask, points: points[slide.caseID] ?? [])
            return (scored, scored.outcome(settings))
        }
        let (slides, outcomes) = (scored.map(\.0), scored.map(\.1))
        let curve = FROCCurve(slides: slides, outcomes: outcomes, settings: settings)
        var metrics = [TaskEvaluation.Metric(key: "froc-score", title: "FROC score (mean sensitivity)", higherIsBetter: true, value: curve.score)]
        for (rate, sensitivity) in zip(settings.falsePositiveRates, curve.sensitivityAtRates) {
            metrics.append(.init(key: "sensitivity@\(rate)", title: "Sensitivity at \(rate) FP per slide", higherIsBetter: true,
                                 value: curve.lesionCount > 0 ? sensitivity : nil))
        }
        let cases = zip(slides, outcomes).map { slide, outcome in
            TaskEvaluation.CaseValues(caseID: slide.caseID, values: [
                "lesions": Double(outcome.lesionCount), "lesions-hit": Double(outcome.hits.count),
                "false-positives": Double(outcome.falsePositives.count),
            ])
        }
        let plot = TaskEvaluation.Curve(name: "FROC (\(settings.protocolName.rawValue))", xLabel: "False positives per slide",
                                        yLabel: "Sensitivity", x: curve.falsePositivesPerSlide, y: curve.sensitivities)
        return TaskEvaluation(caseCount: slides.count, metrics: metrics, cases: cases, curves: [plot])
    }
}
