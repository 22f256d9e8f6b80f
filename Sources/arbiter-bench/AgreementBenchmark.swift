import ArgumentParser
import Foundation
import Scoring

/// Agreement of a synthetic reader study: every statistic with a seeded bootstrap (issue 19's target: 5,000 items ×
/// 3 readers × 4 classes with 1,000 resamples under 1 s on 2 cores).
struct AgreementBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Time Cohen's, Fleiss' kappa, Krippendorff's alpha and percent agreement with a bootstrap.")

    @Option(help: "Items read.") var items = 5000
    @Option(help: "Readers, each reading every item.") var readers = 3
    @Option(help: "Ordered categories.") var categories = 4
    @Option(help: "Bootstrap resamples.") var resamples = 1000
    @Option(help: "Repetitions; the median is reported.") var repetitions = 5

    func validate() throws {
        guard items > 0, readers >= 2, categories >= 2, resamples > 0, repetitions > 0 else {
            throw ValidationError("need items, resamples and repetitions > 0, readers and categories ≥ 2")
        }
    }

    func run() throws {
        let study = try reads()
        let pairs = (0..<readers).flatMap { a in ((a + 1)..<readers).map { (a, $0) } }
        let statistics: [AgreementStatistic] = pairs.map { .cohenKappa(readerA: $0.0, readerB: $0.1, weights: .quadratic) }
            + [.fleissKappa, .percentAgreement, .krippendorffAlpha(.nominal), .krippendorffAlpha(.ordinal)]
        var timings: [Double] = []
        for repetition in 1...repetitions {
            var intervals: [AgreementInterval] = []
            let seconds = try Stopwatch.time {
                intervals = try AgreementBootstrap.intervals(study, statistics: statistics, plan: .seeded(seed: UInt64(repetition), resamples: resamples))
            }
            timings.append(seconds)
            print(String(format: "run %d: %d statistics, %d resamples in %.3f s (alpha ordinal %.4f [%.4f, %.4f])", repetition,
                         statistics.count, resamples, seconds, intervals.last!.estimate, intervals.last!.lower, intervals.last!.upper))
        }
        let median = timings.sorted()[timings.count / 2]
        print(String(format: "median: %.3f s for %d items x %d readers x %d categories, %d resamples (target < 1 s)",
                     median, items, readers, categories, resamples))
        BenchmarkResult(benchmark: "agreement: \(items) items x \(readers) readers x \(categories) classes, \(resamples) resamples",
                        arbiter: BenchmarkResult.number(median, 3, "s"), target: "< 1 s", met: median < 1).print()
    }

    /// Readers who agree with a hidden truth 60 to 80% of the time and are otherwise off by one category.
    private func reads() throws -> AgreementReads {
        var random = SplitMix64(seed: 19)
        let rows: [[Int?]] = (0..<items).map { _ in
            let truth = random.next(below: categories)
            return (0..<readers).map { reader in
                guard random.next(below: 100) >= 60 + 10 * (reader % 3) else { return truth }
                return min(categories - 1, max(0, truth + (random.next(below: 2) == 0 ? -1 : 1)))
            }
        }
        return try AgreementReads(categories: (0..<categories).map { "grade \($0)" }, rows: rows)
    }
}
