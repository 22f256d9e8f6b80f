import ArgumentParser
import BuiltInFiles
import Challenge
import Foundation
import Judge
import Site
import Store

/// Builds a phase's whole site (tables, bootstrap rank intervals, significance tests, plots) for many
/// teams and cases, after judging them, and reports the build time alone.
struct SiteBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Time building a leaderboard site with bootstrap rank intervals.")

    @Option(help: "Teams (one scored entry each).") var teams = 100
    @Option(help: "Cases per submission.") var cases = 1500
    @Option(help: "Bootstrap resamples.") var resamples = 1000
    @Option(help: "Repetitions; the median is reported.") var repetitions = 3

    func run() async throws {
        let (store, directory) = try JudgeBenchmark.prepare(submissions: teams, cases: cases, seed: 7)
        let spec = try store.challenge("tissuenet-demo").spec
        let report = try await Judge(store: store, worker: "bench").drain()
        guard report.scored == teams else { throw ValidationError("only \(report.scored) of \(teams) were scored") }
        // Publish, so the ranking split holds private cases too, as the final page would.
        try store.publishPhase(try store.phase(try store.challenge(spec.slug), "final"), challenge: spec.slug, now: Date())
        let site = LeaderboardSite(store: store, assets: URL(fileURLWithPath: BuiltInFiles.resolve("Leaderboard")))
        var timings: [Double] = []
        for repetition in 1...repetitions {
            let output = directory.appendingPathComponent("site-\(repetition)")
            let start = ContinuousClock.now
            try await site.build(challenge: spec.slug, output: output, now: Date(), bootstrap: BootstrapSettings(resamples: resamples))
            timings.append(Stopwatch.seconds(ContinuousClock.now - start))
        }
        print(String(format: "site: %d teams x %d cases, %d resamples: %.3f s (median of %d; runs %@)", teams, cases, resamples,
                     Stopwatch.median(timings), repetitions, timings.map { String(format: "%.3f", $0) }.joined(separator: ", ")))
        BenchmarkResult(benchmark: "site: \(teams) teams x \(cases) cases, \(resamples) resamples",
                        arbiter: BenchmarkResult.number(Stopwatch.median(timings), 3, "s")).print()
    }
}
