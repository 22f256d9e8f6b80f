import Challenge
import Foundation
import Imaging
import Parallel
import Scoring

/// Scores `volume-segmentation` (NIfTI/MetaImage masks) and `slide-segmentation` (PNG masks): per-case
/// Dice, IoU, HD, HD95 and NSD as Metrics Reloaded defines them, averaged over cases.
///
/// Averaging needs a number for every case: where the reference code returns NaN (a distance when exactly one
/// mask is empty; IoU when both are), the case takes the worst value (the grid's diagonal for distances) or,
/// for IoU with both masks empty, the best (1), as Dice does. Stated in the participants' README.
public struct SegmentationEvaluator: Sendable {
    public static let scorerVersion = TaskKind.volumeSegmentation.scorerVersion
    public enum Grid: Sendable { case volume, slide }

    public var settings: SegmentationSettings
    public var grid: Grid

    public init(settings: SegmentationSettings = SegmentationSettings(), grid: Grid) {
        self.settings = settings
        self.grid = grid
    }

    public func evaluate(truth: CaseFiles, predictions: CaseFiles, predictionsName: String) async throws -> TaskEvaluation {
        let pairs = try CasePairing.pairs(truth: truth, predictions: predictions, file: predictionsName)
        let evaluator = self
        let results = try await ParallelMap.mapInTasks(count: pairs.count) { evaluator.scoreCase(pairs[$0]) }
        var problems = ProblemList()
        for case .failure(let problem) in results { problems.add(problem) }
        guard problems.isEmpty else { throw problems.failure(file: predictionsName) }
        let scored = results.compactMap { try? $0.get() }
        return summary(pairs.map(\.caseID), scored)
    }

    struct Mask {
        let values: [Bool]
        let shape: [Int]
        let spacing: [Double]
    }

    /// A mask; a prediction is read with `limits` from its reference's grid, so a lying header costs nothing.
    func read(_ path: String, limits: VolumeLimits = .default) throws -> Mask {
        switch grid {
        case .volume:
            let volume = try VolumeReader.read(path: path, limits: limits)
            guard volume.components == 1 else {
                throw SegmentationMaskProblem.components(volume.components)
            }
            return Mask(values: volume.doubles().map { $0 != 0 }, shape: volume.shape, spacing: volume.spacing)
        case .slide:
            let image = try PNGCodec.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), channels: 1)
            return Mask(values: image.pixels.map { $0 != 0 }, shape: [image.width, image.height],
                        spacing: [settings.micronsPerPixel, settings.micronsPerPixel])
        }
    }

    func scoreCase(_ pair: CasePair) -> Result<(SegmentationMeasures, diagonal: Double), ValidationProblem> {
        do {
            let reference = try read(pair.truthPath)
            let prediction = try read(pair.predictionPath, limits: .grid(reference.shape))
            guard reference.shape == prediction.shape, reference.values.count == prediction.values.count else {
                return .failure(ValidationProblem(.shapeMismatch, caseID: pair.caseID,
                                                  message: "\(pair.predictionName): shape \(prediction.shape) differs from the reference's \(reference.shape)"))
            }
            let measures = SegmentationMeasures(reference: reference.values, prediction: prediction.values,
                                                shape: reference.shape, spacing: reference.spacing, tolerances: settings.tolerances)
            let diagonal = zip(reference.shape, reference.spacing).reduce(0.0) { $0 + Double($1.0) * $1.1 * Double($1.0) * $1.1 }.squareRoot()
            return .success((measures, diagonal))
        } catch let error as VolumeError {
            return .failure(ValidationProblem(.unreadableFile, caseID: pair.caseID, message: error.described(as: pair.predictionName)))
        } catch let error as SegmentationMaskProblem {
            return .failure(ValidationProblem(.unsupportedVoxelType, caseID: pair.caseID, message: "\(pair.predictionName): \(error)"))
        } catch {
            return .failure(ValidationProblem(.unreadableFile, caseID: pair.caseID, message: "\(pair.predictionName): \(error)"))
        }
    }

    private func summary(_ ids: [String], _ scored: [(SegmentationMeasures, diagonal: Double)]) -> TaskEvaluation {
        let cases = zip(ids, scored).map { id, result in
            var values: [String: Double?] = [
                "dice": result.0.dice, "iou": result.0.iou ?? 1,
                "hausdorff": result.0.hausdorff ?? result.diagonal, "hausdorff95": result.0.hausdorff95 ?? result.diagonal,
            ]
            for (tolerance, value) in zip(settings.tolerances, result.0.surfaceDice) { values["surface-dice@\(tolerance)"] = value }
            return TaskEvaluation.CaseValues(caseID: id, values: values)
        }
        func mean(_ key: String) -> Double? {
            let values = cases.compactMap { $0.values[key] ?? nil }
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        let unit = grid == .volume ? "mm" : "µm"
        var metrics = [
            TaskEvaluation.Metric(key: "dice", title: "Dice", higherIsBetter: true, value: mean("dice")),
            TaskEvaluation.Metric(key: "iou", title: "IoU", higherIsBetter: true, value: mean("iou")),
            TaskEvaluation.Metric(key: "hausdorff", title: "Hausdorff distance (\(unit))", higherIsBetter: false, value: mean("hausdorff")),
            TaskEvaluation.Metric(key: "hausdorff95", title: "HD95 (\(unit))", higherIsBetter: false, value: mean("hausdorff95")),
        ]
        for tolerance in settings.tolerances {
            metrics.append(.init(key: "surface-dice@\(tolerance)", title: "NSD at \(tolerance) \(unit)", higherIsBetter: true, value: mean("surface-dice@\(tolerance)")))
        }
        return TaskEvaluation(caseCount: ids.count, metrics: metrics, cases: cases, curves: [])
    }
}

/// A mask volume the segmentation scorer cannot compare voxel for voxel.
enum SegmentationMaskProblem: Error, CustomStringConvertible {
    case components(Int)

    var description: String {
        switch self {
        case .components(let count): "\(count) components per voxel; a mask holds one value per voxel"
        }
    }
}
