import Foundation
import Imaging
import Scoring
import Testing
import TestSupport

/// picai_eval 1.4.13 `evaluate()` with its defaults, case by case and in aggregate, within 1e-9.
@Suite struct PICAITests {
    static let caseIDs = PICAIOracle.shared.candidates.keys.sorted()

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || abs(x - y) <= 1e-9
        default: return false
        }
    }

    @Test(arguments: caseIDs)
    func candidatesAndLesionsAreExtractedAsPicaiDoes(id: String) throws {
        let expected = PICAIOracle.shared.candidates[id]!
        let detection = try PICAIOracle.detectionCase(id)
        #expect(detection.candidates.map(\.confidence) == expected.candidate_confidences)
        #expect(detection.candidates.map(\.voxelCount) == expected.candidate_voxels)
        #expect(detection.lesionVoxelCounts == expected.lesion_voxels)
    }

    @Test(arguments: caseIDs)
    func sparseAndDenseExtractionAgree(id: String) throws {
        #expect(try PICAIOracle.detectionCase(id) == PICAIOracle.detectionCase(id, dense: true))
    }

    @Test(arguments: caseIDs)
    func caseOutcomesMatchPicaiYList(id: String) throws {
        let detection = try PICAIOracle.detectionCase(id)
        for (measure, evaluation) in [(OverlapMeasure.iou, PICAIOracle.shared.evaluate_iou), (.dsc, PICAIOracle.shared.evaluate_dsc)] {
            let outcomes = LesionMatching.outcomes(detection, overlap: measure)
            let expected = evaluation.lesion_results[id]!
            #expect(outcomes.count == expected.count, "\(measure)")
            for (ours, theirs) in zip(outcomes, expected) {
                #expect(ours.isLesion == (theirs[0] == 1))
                #expect(Self.close(ours.confidence, theirs[1]))
                #expect(Self.close(ours.overlap, theirs[2]), "\(measure): \(ours.overlap) vs \(theirs[2])")
            }
            #expect(Self.close(detection.caseConfidence, evaluation.case_pred[id]))
            #expect(detection.isPositive == (evaluation.case_target[id] == 1))
        }
    }

    @Test(arguments: [OverlapMeasure.iou, .dsc])
    func aggregateMetricsMatchPicai(measure: OverlapMeasure) throws {
        let evaluation = measure == .iou ? PICAIOracle.shared.evaluate_iou : PICAIOracle.shared.evaluate_dsc
        let cases = try Self.caseIDs.map { try PICAIOracle.detectionCase($0) }
        let metrics = PICAIMetrics(
            outcomes: cases.map { LesionMatching.outcomes($0, overlap: measure) },
            caseConfidences: cases.map(\.caseConfidence), positives: cases.map(\.isPositive))
        #expect(metrics.caseCount == evaluation.num_cases)
        #expect(metrics.lesionCount == evaluation.num_lesions)
        #expect(Self.close(metrics.auroc, evaluation.auroc))
        #expect(Self.close(metrics.averagePrecision, evaluation.AP))
        #expect(Self.close(metrics.score, evaluation.score))
        #expect(metrics.thresholds == evaluation.thresholds)
        #expect(metrics.truePositives == evaluation.lesion_TP)
        #expect(metrics.falsePositives.map { $0.isInfinite ? nil : $0 } == evaluation.lesion_FP)
        for pair in evaluation.lesion_TPR_at_FPR {
            #expect(Self.close(metrics.lesionSensitivity(atFalsePositiveRate: pair[0]), pair[1]), "at FPR \(pair[0])")
        }
    }

    @Test func softmaxMapIsRefused() throws {
        #expect(throws: DetectionMapProblem.self) { try PICAIOracle.detectionCase("m01", folder: "malformed") }
        #expect(throws: DetectionMapProblem.self) { try PICAIOracle.detectionCase("m03", folder: "malformed") }
    }

    @Test func negativeConfidenceIsRefused() throws {
        do {
            _ = try PICAIOracle.detectionCase("m02", folder: "malformed")
            Issue.record("accepted a negative confidence")
        } catch {
            guard case DetectionMapProblem.negativeValue? = error as? DetectionMapProblem else { Issue.record("\(error)"); return }
        }
    }

    @Test(arguments: ["m04", "m05", "m06", "m07", "m08"], [false, true])
    func anyShapeMismatchIsRefusedWherePicaiPadsOrFailsLate(id: String, dense: Bool) throws {
        do {
            _ = try PICAIOracle.detectionCase(id, folder: "malformed", dense: dense)
            Issue.record("accepted \(id): \(PICAIOracle.shared.malformed[id]!.note)")
        } catch {
            guard case DetectionMapProblem.shapeMismatch? = error as? DetectionMapProblem else { Issue.record("\(error)"); return }
        }
    }
}

@Suite struct SoftmaxCandidatesTests {
    @Test(arguments: ["s01", "s02", "s03", "s04", "s05"])
    func dynamicFastExtractionMatchesReportGuidedAnnotation(id: String) throws {
        let folder = "Fixtures/lesions/picai/softmax/"
        let softmax = try VolumeReader.read(path: RepositoryFiles.url(folder + "\(id)_softmax.nii.gz").path)
        let expected = try VolumeReader.read(path: RepositoryFiles.url(folder + "\(id)_extracted.nii.gz").path)
        let extracted = SoftmaxCandidates.dynamicFast(softmax: softmax.floats(), shape: softmax.shape)
        #expect(extracted == expected.floats())
    }
}
