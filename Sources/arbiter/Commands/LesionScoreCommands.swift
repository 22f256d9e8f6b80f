import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Scoring

/// Options every lesion and segmentation scoring command shares.
struct LesionScoringOptions: ParsableArguments {
    @Option(help: "Ground truth: a file, a folder of per-case files named by case id, or a zip/tar archive.") var truth: String
    @Option(help: "Predictions: a file, a folder of per-case files named by case id, or a zip/tar archive.") var predictions: String
    @Option(help: "A challenge.yaml (or its folder) whose task settings to use.") var spec: String?
    @Flag(help: "Print JSON with per-case values and curves.") var json = false

    func task(kind: TaskKind) throws -> TaskSpec? {
        guard let spec else { return nil }
        let challenge = try LocalScoringSpec.load(spec)
        guard challenge.task.kind == kind else {
            throw ValidationError("\(spec) describes a \(challenge.task.kind.rawValue) task, not \(kind.rawValue)")
        }
        return challenge.task
    }

    func report(_ evaluation: TaskEvaluation) throws {
        if json {
            print(try JSONOutput.text(evaluation))
            return
        }
        print("\(evaluation.caseCount) cases")
        for metric in evaluation.metrics {
            let value = metric.value.map { String(format: "%.6f", $0) } ?? "undefined"
            print("\(metric.title) (\(metric.higherIsBetter ? "higher is better" : "lower is better")): \(value)")
        }
    }
}

struct SlideLesionDetectionScore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slide-lesion-detection",
        abstract: "FROC of case_id,x,y,confidence points against lesion outlines (CAMELYON16 style).",
        discussion: "Truth: slides.csv (case_id,width,height) with annotations*.csv (case_id,wkt), <case>.geojson, <case>.xml (ASAP) or <case>_level<L>.png masks.")

    @OptionGroup var options: LesionScoringOptions
    @Option(name: .customLong("protocol"), help: "froc (documented) or camelyon16 (the original script, quirks included).") var protocolName: FROCProtocol?

    func run() async throws {
        var settings = try options.task(kind: .slideLesionDetection)?.froc ?? FROCSettings()
        if let protocolName { settings.protocolName = protocolName }
        let truth = try SlideLesionTruth(path: options.truth, level: settings.level, outlinesUnderMasks: false)
        let sizes = Dictionary(uniqueKeysWithValues: truth.slides.map { ($0.caseID, (width: $0.width, height: $0.height)) })
        let points = try LesionPointParser(slideSizes: sizes).parse(try readFile(options.predictions), file: options.predictions)
        try options.report(try await SlideLesionEvaluator(settings: settings).evaluate(truth: truth, points: points))
    }
}

struct VolumeLesionDetectionScore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume-lesion-detection",
        abstract: "PI-CAI scoring of detection maps against binary label volumes (picai_eval 1.4.13 defaults).")

    @OptionGroup var options: LesionScoringOptions
    @Option(help: "detection-map, or dynamic-fast to extract candidates from softmax maps.") var candidates: DetectionSettings.Candidates?

    func run() async throws {
        var settings = try options.task(kind: .volumeLesionDetection)?.detection ?? DetectionSettings()
        if let candidates { settings.candidates = candidates }
        let truth = try CaseFiles(options.truth, extensions: CaseFiles.volumeExtensions, roles: ["_label", "_reference", "_gt"])
        let maps = try CaseFiles(options.predictions, extensions: CaseFiles.volumeExtensions, roles: ["_detection_map", "_softmax", "_prediction"])
        try options.report(try await VolumeLesionEvaluator(settings: settings).evaluate(truth: truth, predictions: maps, predictionsName: options.predictions))
    }
}

struct VolumeSegmentationScore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume-segmentation",
        abstract: "Dice, IoU, HD, HD95 and NSD (mm) of predicted masks against reference masks (Metrics Reloaded definitions).")

    @OptionGroup var options: LesionScoringOptions
    @Option(help: "NSD tolerance in mm; repeat for several (default 1 and 2).") var tolerance: [Double] = []

    func run() async throws {
        try await SegmentationScoring.run(options, grid: .volume, tolerances: tolerance)
    }
}

struct SlideSegmentationScore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slide-segmentation",
        abstract: "Dice, IoU, HD, HD95 and NSD (µm) of predicted PNG masks against reference PNG masks.")

    @OptionGroup var options: LesionScoringOptions
    @Option(help: "NSD tolerance in µm; repeat for several.") var tolerance: [Double] = []
    @Option(help: "Pixel size of the masks in µm (default: from --spec, else 1).") var micronsPerPixel: Double?

    func run() async throws {
        try await SegmentationScoring.run(options, grid: .slide, tolerances: tolerance, micronsPerPixel: micronsPerPixel)
    }
}

enum SegmentationScoring {
    static func run(_ options: LesionScoringOptions, grid: SegmentationEvaluator.Grid, tolerances: [Double], micronsPerPixel: Double? = nil) async throws {
        var settings = try options.task(kind: grid == .slide ? .slideSegmentation : .volumeSegmentation)?.segmentation ?? SegmentationSettings()
        if !tolerances.isEmpty { settings.tolerances = tolerances }
        if let micronsPerPixel { settings.micronsPerPixel = micronsPerPixel }
        let extensions = grid == .slide ? CaseFiles.maskExtensions : CaseFiles.volumeExtensions
        let truth = try CaseFiles(options.truth, extensions: extensions, roles: ["_reference", "_label", "_gt", "_mask"])
        let masks = try CaseFiles(options.predictions, extensions: extensions, roles: ["_prediction", "_pred"])
        let evaluator = SegmentationEvaluator(settings: settings, grid: grid)
        try options.report(try await evaluator.evaluate(truth: truth, predictions: masks, predictionsName: options.predictions))
    }
}

extension FROCProtocol: ExpressibleByArgument {}
extension DetectionSettings.Candidates: ExpressibleByArgument {}
