import ArgumentParser
import ChildProcesses
import Challenge
import Evaluation
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
    @Option(help: "Repetitions, each timing Arbiter and then the reference once; the medians are reported.") var repetitions = 3
    @Option(name: .customLong("protocol"), help: "Time only this FROC protocol (default: both).") var protocolName: FROCProtocol?
    @Option(help: "A Python with the pinned lesion oracle packages, to time the references in the same run.") var python: String?

    func run() async throws {
        if let picai { try await benchmarkPICAI(picai) }
        if let froc { try await benchmarkFROC(froc) }
    }

    // Each repetition times Arbiter and then one run of the reference (a fresh interpreter, whose imports are not
    // timed), so both sides see the same machine load however it drifts; the ratio is of the two medians.

    private func benchmarkPICAI(_ folder: String) async throws {
        var (ours, theirs): ([Double], [Double]) = ([], [])
        var (score, referenceScore): (Double?, Double?) = (nil, nil)
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            let truth = try CaseFiles(folder, extensions: CaseFiles.volumeExtensions, roles: ["_label"])
            let maps = try CaseFiles(folder, extensions: CaseFiles.volumeExtensions, roles: ["_detection_map"])
            let evaluation = try await VolumeLesionEvaluator().evaluate(truth: truth, predictions: maps, predictionsName: folder)
            ours.append(Stopwatch.seconds(ContinuousClock.now - start))
            score = evaluation.value("picai-score")
            if let reference = try await reference("lesion-reference-picai.py", folder) {
                theirs.append(reference["median_seconds"] as? Double ?? .nan)
                referenceScore = reference["score"] as? Double
            }
        }
        print(String(format: "picai: arbiter %.3f s (median of %d), score %.12f", Stopwatch.median(ours), repetitions, score ?? .nan))
        if !theirs.isEmpty {
            print(String(format: "picai: picai_eval %.3f s (median of %d), score %.12f -> arbiter is %.1fx faster",
                         Stopwatch.median(theirs), theirs.count, referenceScore ?? .nan, Stopwatch.median(theirs) / Stopwatch.median(ours)))
            BenchmarkResult(benchmark: "lesions: PI-CAI score", arbiter: BenchmarkResult.number(Stopwatch.median(ours), 3, "s"),
                            reference: "picai_eval " + BenchmarkResult.number(Stopwatch.median(theirs), 3, "s"),
                            ratio: BenchmarkResult.speedup(theirs: Stopwatch.median(theirs), ours: Stopwatch.median(ours))).print()
        }
    }

    private func benchmarkFROC(_ folder: String) async throws {
        var ours: [FROCProtocol: [Double]] = [:]
        var theirs: [FROCProtocol: [Double]] = [:]
        var scores: [FROCProtocol: (ours: Double?, theirs: Double?)] = [:]
        let protocols = protocolName.map { [$0] } ?? FROCProtocol.allCases
        for _ in 0..<repetitions {
            for protocolName in protocols {
                let start = ContinuousClock.now
                let settings = FROCSettings(protocolName: protocolName)
                let truth = try SlideLesionTruth(path: folder, level: settings.level, outlinesUnderMasks: false)
                let sizes = Dictionary(uniqueKeysWithValues: truth.slides.map { ($0.caseID, (width: $0.width, height: $0.height)) })
                let csv = folder + "/predictions.csv"
                let points = try LesionPointParser(slideSizes: sizes).parse(try FileBytes.read(csv), file: csv)
                let evaluation = try await SlideLesionEvaluator(settings: settings).evaluate(truth: truth, points: points)
                ours[protocolName, default: []].append(Stopwatch.seconds(ContinuousClock.now - start))
                scores[protocolName, default: (nil, nil)].ours = evaluation.value("froc-score")
            }
            if let reference = try await reference("lesion-reference-froc.py", folder) {
                for protocolName in protocols {
                    let entry = reference[protocolName.rawValue] as? [String: Any] ?? [:]
                    theirs[protocolName, default: []].append(entry["median_seconds"] as? Double ?? .nan)
                    scores[protocolName, default: (nil, nil)].theirs = entry["score"] as? Double
                }
            }
        }
        for protocolName in protocols {
            let mine = Stopwatch.median(ours[protocolName] ?? [])
            print(String(format: "froc %@: arbiter %.4f s (median of %d), score %.12f", protocolName.rawValue, mine, repetitions,
                         scores[protocolName]?.ours ?? .nan))
            if let reference = theirs[protocolName] {
                print(String(format: "froc %@: python %.3f s (median of %d), score %.12f -> arbiter is %.1fx faster", protocolName.rawValue,
                             Stopwatch.median(reference), reference.count, scores[protocolName]?.theirs ?? .nan, Stopwatch.median(reference) / mine))
                BenchmarkResult(benchmark: "lesions: FROC (\(protocolName.rawValue))", arbiter: BenchmarkResult.number(mine, 4, "s"),
                                reference: "CAMELYON16 script " + BenchmarkResult.number(Stopwatch.median(reference), 3, "s"),
                                ratio: BenchmarkResult.speedup(theirs: Stopwatch.median(reference), ours: mine)).print()
            }
        }
    }

    private func reference(_ script: String, _ folder: String) async throws -> [String: Any]? {
        guard let python else { return nil }
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/bench/" + script).path
        let result = try await ChildProcess(python, [path, "--time", folder, "--repeat", "1"], outputLimit: 64 << 20, errors: .inherited).result()
        let lastLine = result.outputText.split(separator: "\n").last.map(String.init) ?? ""
        guard result.status == 0, !result.signalled, let json = try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any] else {
            throw ValidationError("\(script) failed: \(result.outputText)")
        }
        return json
    }

}
extension FROCProtocol: ExpressibleByArgument {}
