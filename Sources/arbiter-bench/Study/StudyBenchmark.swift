import ArgumentParser
import Foundation
import Scoring
import Store
import Studies

/// A reader study through the Studies module on SQLite, for issue 19's two targets: agreement (every statistic with a
/// seeded bootstrap) and consensus of 5,000 items × 3 readers × 4 classes under 1 s on 2 cores; and the next-item call
/// of readers working at once (each asking for their next assignment and saving a read), p99 under 20 ms.
struct StudyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study", abstract: "Time a study's agreement and consensus, and next-item assignment under concurrent readers.")

    @Option(help: "Items of the agreement study, each read by every reader.") var items = 5000
    @Option(help: "Readers of the agreement study.") var readers = 3
    @Option(help: "Bootstrap resamples.") var resamples = 1000
    @Option(help: "Repetitions of agreement and consensus; the median is reported.") var repetitions = 5
    @Option(help: "Readers working at once in the next-item part, each on a thread of its own.") var concurrentReaders = 8
    @Option(help: "Next-item calls (each followed by a save) per concurrent reader.") var calls = 200

    static let categories = 4

    func validate() throws {
        guard items > 0, readers >= 2, resamples > 0, repetitions > 0 else {
            throw ValidationError("need items, resamples and repetitions > 0 and at least 2 readers, got \(items), \(resamples), \(repetitions), \(readers)")
        }
        guard concurrentReaders >= 2, calls > 0 else {
            throw ValidationError("need at least 2 concurrent readers and 1 call each, got \(concurrentReaders) and \(calls)")
        }
    }

    func run() throws {
        let agreement = try agreementAndConsensus()
        let nextItem = try StudyNextItemLoad(readers: concurrentReaders, calls: calls).run()
        agreement.print()
        nextItem.print()
    }

    /// Sets up the study, reads it all, then times agreement with its bootstrap plus consensus, `repetitions` times.
    private func agreementAndConsensus() throws -> BenchmarkResult {
        let setup = try StudyBenchSetup(items: items, readers: readers, readsPerItem: readers, label: "study")
        defer { setup.database.removeFiles() }
        let saving = try setup.readEverything(seed: 19, categories: Self.categories)
        print(String(format: "setup: %d reads saved one by one through ReaderStudy.save in %.3f s", items * readers, saving))
        var timings: [Double] = []
        for repetition in 1...repetitions {
            var report: AgreementReport?
            var consensus: StudyConsensus?
            let seconds = try Stopwatch.time {
                report = try setup.study.labelAgreement(
                    weights: .quadratic, weightsName: "quadratic", plan: .seeded(seed: UInt64(repetition), resamples: resamples))
                consensus = try setup.study.consensus(now: setup.opens.addingTimeInterval(Double(repetition)))
            }
            timings.append(seconds)
            let alpha = report?.krippendorffAlpha["ordinal"]?.text ?? "-"
            print(String(format: "run %d: agreement and consensus in %.3f s", repetition, seconds)
                  + "; alpha ordinal \(alpha); \(consensus?.labels.count ?? 0) labelled, \(consensus?.disputed.count ?? 0) disputed")
        }
        let median = timings.sorted()[timings.count / 2]
        print(String(format: "median: %.3f s for %d items x %d readers x %d classes, %d resamples, SQLite (target < 1 s)",
                     median, items, readers, Self.categories, resamples))
        return BenchmarkResult(
            benchmark: "study agreement + consensus: \(items) items x \(readers) readers x \(Self.categories) classes, \(resamples) resamples, SQLite",
            arbiter: BenchmarkResult.number(median, 3, "s"), target: "< 1 s", met: median < 1)
    }
}
