import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Scoring

/// Validating one classification prediction file, as the intake and the judge do: the one-pass path
/// (`PredictionParser.parse`) against the general path through `CSVReader` (`parseReportingProblems`), same bytes.
struct PredictionParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Time validating a prediction CSV: the one-pass path against the general one.")

    @Option(help: "Rows (cases) in the file.") var rows = 1500
    @Option(help: "Files parsed by each path per round.") var files = 500
    @Option(help: "Rounds, alternating the paths; the median round is reported.") var rounds = 5

    func run() throws {
        var random = SplitMix64(seed: 5)
        let ids = (1...rows).map { String(format: "CASE%05d", $0) }
        let labels = ids.map { _ in Int(random.next() % 4) }
        let bytes = JudgeBenchmark.predictions(ids: ids, labels: labels, random: &random)
        let task = TaskSpec(kind: .slideClassification, classes: (0..<4).map { ClassSpec(id: "\($0)", name: "class \($0)") })
        let parser = PredictionParser(task: task, expectedCaseIDs: ids)
        guard try parser.parse(bytes, file: "p.csv") == parser.parseReportingProblems(bytes, file: "p.csv") else {
            throw ValidationError("the two paths disagree on the benchmark's file")
        }
        var (simple, general): ([Double], [Double]) = ([], [])
        for _ in 0..<rounds {
            simple.append(try Stopwatch.time { for _ in 0..<files { _ = try parser.parse(bytes, file: "p.csv") } } / Double(files))
            general.append(try Stopwatch.time { for _ in 0..<files { _ = try parser.parseReportingProblems(bytes, file: "p.csv") } } / Double(files))
        }
        let (ours, theirs) = (Stopwatch.median(simple), Stopwatch.median(general))
        print(String(format: "%d-row file (%d bytes): one pass %.1f µs, through CSVReader %.1f µs", rows, bytes.count, ours * 1e6, theirs * 1e6))
        BenchmarkResult(benchmark: "validating a \(rows)-row prediction file", arbiter: BenchmarkResult.number(ours * 1e6, 0, "µs"),
                        reference: "general path " + BenchmarkResult.number(theirs * 1e6, 0, "µs"),
                        ratio: BenchmarkResult.speedup(theirs: theirs, ours: ours)).print()
    }
}
