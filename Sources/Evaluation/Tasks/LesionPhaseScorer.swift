import Annotations
import Challenge
import Foundation
import Imaging
import Scoring

/// Validates and scores submissions to one phase of a lesion or segmentation challenge, from the truth
/// files the store keeps; shared read-only by the judge's scoring tasks.
public struct LesionPhaseScorer: Sendable {
    public let task: TaskSpec
    /// The phase's cases in truth order.
    public let cases: [(caseID: String, split: Split)]
    private let truthFolder: TemporaryFolder?
    private let truthPaths: [String: String]
    /// Each volume case's grid, read from its truth header: every prediction must have the same.
    private let truthGrids: [String: VolumeGrid]
    private let slides: [SlideLesionTruth.Slide]
    /// How far an uploaded archive may expand: a stated multiple of the phase's upload limit.
    public var archiveBudget = ArchiveBudget.default

    /// `uploadLimit`: the phase's largest accepted file, from which the archive budget follows.
    public init(task: TaskSpec, truth: [LesionTruthFile], uploadLimit: Int? = nil) throws {
        self.task = task
        if let uploadLimit { archiveBudget = .forUpload(limit: uploadLimit) }
        cases = truth.map { ($0.caseID, $0.split) }
        if task.kind == .slideLesionDetection {
            truthFolder = nil
            truthPaths = [:]
            truthGrids = [:]
            slides = try truth.map { file in
                let record = try JSONDecoder().decode(SlideTruthRecord.self, from: Data(file.bytes))
                return SlideLesionTruth.Slide(caseID: file.caseID, width: record.width, height: record.height,
                                              annotations: SlideAnnotations(lesions: record.lesions, exclusions: record.exclusions))
            }
        } else {
            let folder = try TemporaryFolder(prefix: "arbiter-truth")
            var paths: [String: String] = [:]
            for file in truth {
                let suffix = CaseFiles.volumeExtensions.first { file.fileName.lowercased().hasSuffix($0) } ?? ".png"
                paths[file.caseID] = try folder.write(file.bytes, name: file.caseID + suffix)
            }
            truthFolder = folder
            truthPaths = paths
            truthGrids = task.kind == .slideSegmentation ? [:] : try paths.mapValues { try VolumeGrid.read(path: $0) }
            slides = []
        }
    }

    /// The checks made when a file arrives: the CSV of points in full, or the archive's case files.
    public func validate(_ bytes: [UInt8], fileName: String) throws {
        switch task.kind {
        case .slideLesionDetection:
            _ = try pointParser.parse(bytes, file: fileName)
        default:
            let upload = try TemporaryFolder(prefix: "arbiter-upload")
            try validateCaseFiles(at: try upload.write(bytes, name: fileName), fileName: fileName)
        }
    }

    /// The same checks on a file already on disk (an upload spooled by the server), read where it lies: case files
    /// are found through a link named as the uploader named the file, since names decide how a file is read.
    public func validate(path: String, fileName: String) throws {
        switch task.kind {
        case .slideLesionDetection:
            _ = try pointParser.parse(try FileBytes.read(path), file: fileName)
        default:
            let upload = try TemporaryFolder(prefix: "arbiter-upload")
            try validateCaseFiles(at: try upload.link(to: path, name: fileName), fileName: fileName)
        }
    }

    private func validateCaseFiles(at path: String, fileName: String) throws {
        let predictions = try caseFiles(at: path, fileName: fileName)
        try checkGrids(try CasePairing.pairs(truth: CaseFiles(paths: truthPaths), predictions: predictions, file: fileName), file: fileName)
    }

    /// Every prediction volume must hold one value per voxel of a type the scorer reads, on its case's grid: checked
    /// from the headers alone, so an RGB volume or one of 1024³ voxels is refused before anything is expanded.
    private func checkGrids(_ pairs: [CasePair], file: String) throws {
        guard !truthGrids.isEmpty else { return }
        var problems = ProblemList()
        for pair in pairs {
            guard let truth = truthGrids[pair.caseID] else { continue }
            let grid: VolumeGrid
            do {
                grid = try VolumeGrid.read(path: pair.predictionPath)
            } catch {
                problems.add(ValidationProblem(.unreadableFile, caseID: pair.caseID, message: error.described(as: pair.predictionName)))
                continue
            }
            if grid.components != 1 || grid.voxelType == .rgb24 {
                problems.add(ValidationProblem(
                    .unsupportedVoxelType, caseID: pair.caseID,
                    message: "\(pair.predictionName): \(grid.voxelType.rawValue) with \(grid.components) components per voxel; "
                        + "a prediction holds one scalar value per voxel"))
            } else if grid.shape != truth.shape {
                problems.add(ValidationProblem(
                    .shapeMismatch, caseID: pair.caseID,
                    message: "\(pair.predictionName): shape \(grid.shape) differs from the case's grid \(truth.shape)"))
            }
        }
        guard problems.isEmpty else { throw problems.failure(file: file) }
    }

    /// Scores a file on all the phase's cases and on each split, keeping per-case values for ranking statistics.
    public func score(_ bytes: [UInt8], fileName: String) async throws -> SubmissionScores {
        let upload = try TemporaryFolder(prefix: "arbiter-upload")
        return try await score(at: try upload.write(bytes, name: fileName), fileName: fileName)
    }

    /// The same for a file on disk (a stored blob), read where it lies through a link under its uploaded name, so an
    /// archive of hundreds of megabytes is never held in memory.
    public func score(path: String, fileName: String) async throws -> SubmissionScores {
        let upload = try TemporaryFolder(prefix: "arbiter-upload")
        return try await score(at: try upload.link(to: path, name: fileName), fileName: fileName)
    }

    private func score(at path: String, fileName: String) async throws -> SubmissionScores {
        let points = task.kind == .slideLesionDetection ? try pointParser.parse(try FileBytes.read(path), file: fileName) : [:]
        let predictions = task.kind == .slideLesionDetection ? nil : try caseFiles(at: path, fileName: fileName)
        if let predictions {
            // Every problem with the case files at once, before any split is scored.
            try checkGrids(try CasePairing.pairs(truth: CaseFiles(paths: truthPaths), predictions: predictions, file: fileName), file: fileName)
        }
        // Each case is read and scored once, in its own split's run; its per-case values do not depend on
        // the other cases, so the split runs also give the long table.
        let index = Dictionary(uniqueKeysWithValues: cases.enumerated().map { ($1.caseID, $0) })
        var caseValues: [SubmissionScores.CaseValue] = []
        var splits: [SubmissionScores.SplitResult] = []
        for split in Split.allCases {
            let ids = cases.filter { $0.split == split }.map(\.caseID)
            guard !ids.isEmpty else { continue }
            let result = try await evaluate(ids, points: points, predictions: predictions, fileName: fileName)
            caseValues += result.cases.flatMap { entry in
                entry.values.sorted { $0.key < $1.key }.compactMap { key, value in
                    value.map { SubmissionScores.CaseValue(caseIndex: index[entry.caseID]!, key: key, value: $0) }
                }
            }
            let values = Dictionary(uniqueKeysWithValues: result.metrics.map { ($0.key, $0.value) })
            // Summaries keep metrics and curves only: per-case values live in the case table, not in a split's JSON.
            let summary = TaskEvaluation(caseCount: result.caseCount, metrics: result.metrics, cases: [], curves: result.curves)
            splits.append(.init(split: split, values: values, summary: .lesions(summary)))
        }
        caseValues.sort { ($0.caseIndex, $0.key) < ($1.caseIndex, $1.key) }
        return SubmissionScores(caseValues: caseValues, splits: splits)
    }

    public var scorerVersion: String { task.kind.scorerVersion }

    private var pointParser: LesionPointParser {
        LesionPointParser(slideSizes: Dictionary(uniqueKeysWithValues: slides.map { ($0.caseID, (width: $0.width, height: $0.height)) }))
    }

    private func caseFiles(at path: String, fileName: String) throws -> CaseFiles {
        switch task.kind {
        case .slideSegmentation:
            try CaseFiles(path, extensions: CaseFiles.maskExtensions, roles: ["_prediction", "_pred"], displayName: fileName, budget: archiveBudget)
        default:
            try CaseFiles(path, extensions: CaseFiles.volumeExtensions, roles: ["_detection_map", "_softmax", "_prediction", "_pred"],
                          displayName: fileName, budget: archiveBudget)
        }
    }

    private func evaluate(_ ids: [String], points: [String: [LesionPoint]], predictions: CaseFiles?, fileName: String) async throws -> TaskEvaluation {
        let wanted = Set(ids)
        switch task.kind {
        case .slideLesionDetection:
            let truth = SlideLesionTruth(slides: slides.filter { wanted.contains($0.caseID) })
            return try await SlideLesionEvaluator(settings: task.froc ?? FROCSettings()).evaluate(truth: truth, points: points)
        case .volumeLesionDetection:
            return try await VolumeLesionEvaluator(settings: task.detection ?? DetectionSettings())
                .evaluate(truth: subset(truthPaths, wanted), predictions: subset(predictions?.paths ?? [:], wanted), predictionsName: fileName)
        case .volumeSegmentation, .slideSegmentation:
            return try await SegmentationEvaluator(settings: task.segmentation ?? SegmentationSettings(), grid: task.kind == .slideSegmentation ? .slide : .volume)
                .evaluate(truth: subset(truthPaths, wanted), predictions: subset(predictions?.paths ?? [:], wanted), predictionsName: fileName)
        case .slideClassification:
            preconditionFailure("classification phases are scored by ClassificationEvaluator")
        }
    }

    /// Keeps `wanted` cases; a prediction for a case outside the phase stays, so pairing reports it.
    private func subset(_ paths: [String: String], _ wanted: Set<String>) -> CaseFiles {
        let phaseCases = Set(cases.map(\.caseID))
        return CaseFiles(paths: paths.filter { wanted.contains($0.key) || !phaseCases.contains($0.key) })
    }
}
