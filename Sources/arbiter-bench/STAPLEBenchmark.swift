import ArgumentParser
import Foundation
import Scoring

/// STAPLE consensus of readers' masks (issue 19's consensus step), on masks of one drawn disc per reader with its
/// edge off by a few pixels, as readers outlining the same region differ.
struct STAPLEBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staple", abstract: "Time STAPLE on readers' masks of one region.")

    @Option(help: "Mask side, in pixels.") var side = 1024
    @Option(help: "Readers.") var readers = 3
    @Option(help: "Repetitions; the median is reported.") var repetitions = 5

    func run() throws {
        var random = SplitMix64(seed: 23)
        let masks = (0..<readers).map { _ in
            let radius = Double(side) * (0.3 + Double(random.next() % 100) / 2000)
            let centre = Double(side) / 2 + Double(random.next() % 21) - 10
            return (0..<side * side).map { index -> UInt8 in
                let (x, y) = (Double(index % side) - centre, Double(index / side) - centre)
                return x * x + y * y <= radius * radius ? 1 : 0
            }
        }
        var timings: [Double] = []
        var iterations = 0
        for _ in 0..<repetitions {
            timings.append(try Stopwatch.time { iterations = try STAPLE.estimate(masks: masks, width: side, height: side).elapsedIterations })
        }
        let median = Stopwatch.median(timings)
        print(String(format: "STAPLE of %d readers' %d x %d masks: %.3f s (median of %d, %d iterations)", readers, side, side, median,
                     repetitions, iterations + 1))
        BenchmarkResult(benchmark: "STAPLE: \(readers) readers, \(side) x \(side) masks", arbiter: BenchmarkResult.number(median, 3, "s")).print()
    }
}
