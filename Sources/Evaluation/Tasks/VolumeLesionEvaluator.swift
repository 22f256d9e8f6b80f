import Challenge
import Imaging
import Parallel
import Scoring

/// Scores `volume-lesion-detection` (PI-CAI): one detection map per case against binary label volumes.
public struct VolumeLesionEvaluator: Sendable {
    public static let scorerVersion = TaskKind.volumeLesionDetection.scorerVersion
    public var settings: DetectionSettings

    public init(settings: DetectionSettings = DetectionSettings()) {
        self.settings = settings
    }

    /// Reads and scores every case in parallel; any unreadable, missing or malformed case rejects the whole
    /// submission with every problem listed (a partial score is never given).
    public func evaluate(truth: CaseFiles, predictions: CaseFiles, predictionsName: String) async throws -> TaskEvaluation {
        let pairs = try CasePairing.pairs(truth: truth, predictions: predictions, file: predictionsName)
        let settings = self.settings
        let results = try await ParallelMap.mapInTasks(count: pairs.count) { Self.scoreCase(pairs[$0], settings: settings) }
        var problems = ProblemList()
        for case .failure(let problem) in results { problems.add(problem) }
        guard problems.isEmpty else { throw problems.failure(file: predictionsName) }
        let scored = results.compactMap { try? $0.get() }
        return summary(pairs.map(\.caseID), scored)
    }

    typealias Scored = (detection: DetectionCase, outcomes: [LesionOutcome])

    static func scoreCase(_ pair: CasePair, settings: DetectionSettings) -> Result<Scored, ValidationProblem> {
        do {
            let label = try VolumeReader.readNonZero(path: pair.truthPath)
            let detection: DetectionCase
            if settings.candidates == .dynamicFast {
                let map = try VolumeReader.read(path: pair.predictionPath)
                guard map.shape == label.shape else { throw DetectionMapProblem.shapeMismatch(map: map.shape, label: label.shape) }
                let extracted = SoftmaxCandidates.dynamicFast(softmax: map.floats(), shape: map.spatialShape)
                let indices = extracted.indices.filter { extracted[$0] != 0 }
                detection = try DetectionCase(mapIndices: indices, mapValues: indices.map { extracted[$0] }, mapShape: map.shape,
                                              lesionIndices: label.indices, labelShape: label.shape)
            } else {
                // Only the non-zero voxels matter, so neither file is expanded with its zeros.
                let map = try VolumeReader.readNonZero(path: pair.predictionPath, limits: .grid(label.shape))
                detection = try DetectionCase(mapIndices: map.indices, mapValues: map.values, mapShape: map.shape,
                                              lesionIndices: label.indices, labelShape: label.shape)
            }
            return .success((detection, LesionMatching.outcomes(detection, overlap: settings.overlap, minimumOverlap: settings.minimumOverlap)))
        } catch let error as DetectionMapProblem {
            let kind: ValidationProblem.Kind = if case .shapeMismatch = error { .shapeMismatch } else { .invalidDetectionMap }
            return .failure(ValidationProblem(kind, caseID: pair.caseID, message: "\(pair.predictionName): \(error)"))
        } catch let error as VolumeError {
            // Files are read from server folders: name them as the uploader (or the organiser) knows them.
            let name = error.file == pair.truthPath ? "truth for case \(pair.caseID)" : pair.predictionName
            return .failure(ValidationProblem(.unreadableFile, caseID: pair.caseID, message: error.described(as: name)))
        } catch {
            return .failure(ValidationProblem(.unreadableFile, caseID: pair.caseID, message: "\(error)"))
        }
    }

    private func summary(_ ids: [String], _ scored: [Scored]) -> TaskEvaluation {
        let metrics = PICAIMetrics(outcomes: scored.map(\.outcomes), caseConfidences: scored.map(\.detection.caseConfidence),
                                   positives: scored.map(\.detection.isPositive))
        var reported = [
            TaskEvaluation.Metric(key: "picai-score", title: "PI-CAI score (AUROC + AP) / 2", higherIsBetter: true, value: metrics.score),
            TaskEvaluation.Metric(key: "case-auroc", title: "Case-level AUROC", higherIsBetter: true, value: metrics.auroc),
            TaskEvaluation.Metric(key: "average-precision", title: "Lesion-level average precision", higherIsBetter: true, value: metrics.averagePrecision),
        ]
        for rate in settings.falsePositiveRates {
            reported.append(.init(key: "lesion-sensitivity@\(rate)", title: "Lesion sensitivity at \(rate) FP per case", higherIsBetter: true,
                                  value: metrics.lesionCount > 0 ? metrics.lesionSensitivity(atFalsePositiveRate: rate) : nil))
        }
        let cases = zip(ids, scored).map { id, result in
            TaskEvaluation.CaseValues(caseID: id, values: [
                "case-confidence": result.detection.caseConfidence,
                "positive": result.detection.isPositive ? 1 : 0,
                "true-positives": Double(result.outcomes.filter { $0.isLesion && $0.confidence > 0 }.count),
                "false-negatives": Double(result.outcomes.filter { $0.isLesion && $0.confidence == 0 }.count),
                "false-positives": Double(result.outcomes.filter { !$0.isLesion }.count),
            ])
        }
        let finite = metrics.falsePositiveRates.indices.filter { metrics.falsePositiveRates[$0].isFinite }
        let curve = TaskEvaluation.Curve(
            name: "Lesion FROC", xLabel: "False positives per case", yLabel: "Lesion sensitivity",
            x: finite.map { metrics.falsePositiveRates[$0] }, y: finite.map { metrics.truePositiveRates[$0] })
        var curves = [curve]
        if let roc = ROCCurve(scores: scored.map(\.detection.caseConfidence), positive: scored.map(\.detection.isPositive)) {
            curves.append(.init(name: "Case ROC", xLabel: "False positive rate", yLabel: "True positive rate",
                                x: roc.falsePositiveRates, y: roc.truePositiveRates))
        }
        return TaskEvaluation(caseCount: ids.count, metrics: reported, cases: cases, curves: curves)
    }
}
