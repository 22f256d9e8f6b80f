import ArgumentParser
import Challenge
import Foundation
import Imaging
import Scoring

/// End-to-end lesion scoring (reading files included) against the Python references on the same files,
/// made by scripts/bench/lesion-reference-{picai,froc}.py --make.
struct LesionBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesions", abstract: "Time PI-CAI and FROC scoring against picai_eval and the CAMELYON16 script.")

    @Option(help: "Folder of <id>_detection_map.nii.gz and <id>_label.nii.gz cases.") var picai: String?
    @Option(help: "Folder with slides.csv, masks/ and predictions.csv.") var froc: String?
    @Option(help: "Repetitions; the median is reported.") var repetitions = 3
    @Option(help: "A Python with the pinned lesion oracle packages, to time the references in the same run.") var python: String?

    func run() async throws {
        if let picai { try await benchmarkPICAI(picai) }
        if let froc { try await benchmarkFROC(froc) }
    }

    private func benchmarkPICAI(_ folder: String) async throws {
        var timings: [Double] = []
        var score: Double?
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            let truth = try CaseFiles(folder, extensions: CaseFiles.volumeExtensions, roles: ["_label"])
            let maps = try CaseFiles(folder, extensions: CaseFiles.volumeExtensions, roles: ["_detection_map"])
            let evaluation = try await VolumeLesionEvaluator().evaluate(truth: truth, predictions: maps, predictionsName: folder)
            timings.append(Stopwatch.seconds(ContinuousClock.now - start))
            score = evaluation.value("picai-score")
        }
        let ours = Stopwatch.median(timings)
        print(String(format: "picai: arbiter %.3f s (median of %d), score %.12f", ours, repetitions, score ?? .nan))
        if let reference = try reference("lesion-reference-picai.py", folder) {
            let theirs = reference["median_seconds"] as? Double ?? .nan
            print(String(format: "picai: picai_eval %.3f s, score %.12f -> arbiter is %.1fx faster", theirs, reference["score"] as? Double ?? .nan, theirs / ours))
        }
    }

    private func benchmarkFROC(_ folder: String) async throws {
        var results: [FROCProtocol: (Double, Double?)] = [:]
        for protocolName in FROCProtocol.allCases {
            var timings: [Double] = []
            var score: Double?
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                let settings = FROCSettings(protocolName: protocolName)
                let truth = try SlideLesionTruth(path: folder, level: settings.level, outlinesUnderMasks: false)
                let sizes = Dictionary(uniqueKeysWithValues: truth.slides.map { ($0.caseID, (width: $0.width, height: $0.height)) })
                let csv = folder + "/predictions.csv"
                let points = try LesionPointParser(slideSizes: sizes).parse(try FileBytes.read(csv), file: csv)
                let evaluation = try await SlideLesionEvaluator(settings: settings).evaluate(truth: truth, points: points)
                timings.append(Stopwatch.seconds(ContinuousClock.now - start))
                score = evaluation.value("froc-score")
            }
            results[protocolName] = (Stopwatch.median(timings), score)
            print(String(format: "froc %@: arbiter %.4f s (median of %d), score %.12f", protocolName.rawValue, Stopwatch.median(timings), repetitions, score ?? .nan))
        }
        if let reference = try reference("lesion-reference-froc.py", folder) {
            for protocolName in FROCProtocol.allCases {
                let entry = reference[protocolName.rawValue] as? [String: Any] ?? [:]
                let theirs = entry["median_seconds"] as? Double ?? .nan
                print(String(format: "froc %@: python %.3f s, score %.12f -> arbiter is %.1fx faster", protocolName.rawValue, theirs,
                             entry["score"] as? Double ?? .nan, theirs / results[protocolName]!.0))
            }
        }
    }

    private func reference(_ script: String, _ folder: String) throws -> [String: Any]? {
        guard let python else { return nil }
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/bench/" + script).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [path, "--time", folder, "--repeat", String(repetitions)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lastLine = String(decoding: output, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any] else {
            throw ValidationError("\(script) failed: \(String(decoding: output, as: UTF8.self))")
        }
        return json
    }

}
