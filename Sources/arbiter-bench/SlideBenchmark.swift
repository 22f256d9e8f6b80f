import ArgumentParser
import Dispatch
import Foundation
import Imaging

/// Reads 256 x 256 level-0 regions (grid-aligned and at random offsets) from a JPEG and a JPEG 2000 slide with
/// 1 and 2 threads, and times openslide-python on the same regions in the same run. "Threads" are callers, each
/// decoding in its own thread (`regionThreads` 1); a last mode times one caller with the default options, where
/// each read decodes its tiles on every core (openslide-python has no such mode, so it is compared with its one
/// thread). The regions are read in rounds, each mode of each side in turn, so a machine that slows down or speeds
/// up during the run affects both sides alike.
struct SlideBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slide", abstract: "Time whole-slide region reads (JPEG, JPEG 2000) against openslide-python.")

    @Option(help: "A JPEG-tiled slide (make one with scripts/bench/slide-make-benchmark-slides.py).") var jpeg: String?
    @Option(help: "A JPEG 2000 (Aperio 33003/33005) slide.") var jpeg2000: String?
    @Option(help: "Regions per pattern and file.") var regions = 600
    @Option(help: "Rounds the regions are split into, each side and mode taking its turn in every round.") var rounds = 5
    @Option(help: "A Python with openslide-python and openslide-bin, to time the reference in the same run.") var python: String?
    @Option(help: "Decoded-tile cache per slide, in MiB (OpenSlide's default is 32).") var cacheMiB = 32

    /// How Arbiter reads: callers, and threads each read may use.
    private enum Mode: CaseIterable {
        case oneCaller, twoCallers, oneCallerAllCores

        var callers: Int { self == .twoCallers ? 2 : 1 }
        var regionThreads: Int { self == .oneCallerAllCores ? SlideOptions().regionThreads : 1 }
    }

    func validate() throws {
        guard regions > 0, rounds > 0, rounds <= regions else { throw ValidationError("--rounds expects 1 to --regions (\(regions))") }
    }

    func run() throws {
        let control = CPUControl.scaling()
        print(String(format: "control: a CPU-bound loop runs %.2fx faster on 2 threads than on 1 right now (2.0 on an idle 2-core machine)", control))
        for (label, path) in [("JPEG", jpeg), ("JPEG 2000", jpeg2000)] {
            guard let path else { continue }
            let level = try Slide(path: path).levels[0]
            print("\(label): \(path) \(level.width) x \(level.height), tiles \(level.tileWidth) x \(level.tileHeight)")
            for pattern in [RegionPattern.gridAligned, .randomOffsets] {
                let requests = pattern.regions(count: regions, level: level)
                let tiles = requests.reduce(0) { $0 + pattern.tilesTouched($1, level: level) }
                let reference = try python.map { try OpenSlideReference(python: $0, slide: path, requests: requests) }
                if let reference, pattern == .gridAligned { print("  reference: OpenSlide \(reference.version) through openslide-python") }
                var readers: [Mode: Slide] = [:]
                for mode in Mode.allCases {
                    readers[mode] = try Slide(path: path, options: SlideOptions(cacheBytes: cacheMiB << 20, regionThreads: mode.regionThreads))
                }
                var ours: [Mode: Double] = [:], theirs: [Int: Double] = [:]
                for round in 0..<rounds {
                    let range = (round * requests.count / rounds)..<((round + 1) * requests.count / rounds)
                    for mode in Mode.allCases {
                        ours[mode, default: 0] += try time(readers[mode]!, requests: requests[range], callers: mode.callers)
                        if let reference, mode != .oneCallerAllCores {
                            theirs[mode.callers, default: 0] += try reference.seconds(threads: mode.callers, range: range)
                        }
                    }
                }
                report(pattern: pattern, regions: requests.count, tiles: tiles, ours: ours, reference: reference.map { _ in theirs })
                if reference != nil, let mine = ours[.oneCaller], let openslide = theirs[1] {
                    let rate = { (seconds: Double) in BenchmarkResult.number(Double(requests.count) / seconds, 0, "regions/s") }
                    BenchmarkResult(benchmark: "slide reads: \(label), \(pattern.rawValue), 1 thread", arbiter: rate(mine),
                                    reference: "OpenSlide " + rate(openslide), ratio: BenchmarkResult.speedup(theirs: openslide, ours: mine)).print()
                }
            }
        }
    }

    /// Each caller is a plain thread of its own, as the reference's are, not a Swift cooperative thread: this
    /// command is async, and blocking a cooperative thread with a long synchronous loop measured 1.3-1.6x slower
    /// single-caller reads at random offsets in paired runs on this machine.
    private func time(_ slide: Slide, requests: ArraySlice<[Int]>, callers: Int) throws -> Double {
        let requests = Array(requests)
        let failures = FailureBox()
        let finished = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        for worker in 0..<callers {
            finished.enter()
            Thread {
                for index in stride(from: worker, to: requests.count, by: callers) {
                    let r = requests[index]
                    do { _ = try slide.readRegion(x: r[0], y: r[1], level: 0, width: r[2], height: r[3]) } catch { failures.record(error) }
                }
                finished.leave()
            }.start()
        }
        finished.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if let error = failures.first { throw error }
        return seconds
    }

    private func report(pattern: RegionPattern, regions: Int, tiles: Int, ours: [Mode: Double], reference: [Int: Double]?) {
        func rate(_ seconds: Double?) -> String {
            guard let seconds else { return "-" }
            return String(format: "%7.0f regions/s %7.0f tiles/s", Double(regions) / seconds, Double(tiles) / seconds)
        }
        func ratio(_ theirs: Double?, _ mine: Double?) -> String {
            guard let theirs, let mine else { return "" }
            return String(format: " | %.2fx", theirs / mine)
        }
        print("  \(pattern.rawValue), \(regions) regions of 256 x 256 touching \(tiles) tiles, in \(rounds) interleaved rounds:")
        for mode in [Mode.oneCaller, .twoCallers] {
            var line = "    \(mode.callers) thread\(mode.callers == 1 ? " " : "s"): arbiter \(rate(ours[mode]))"
            if let reference { line += " | openslide-python \(rate(reference[mode.callers]))" + ratio(reference[mode.callers], ours[mode]) }
            print(line)
        }
        let cores = Mode.oneCallerAllCores.regionThreads
        print("    1 caller, each read on \(cores) cores (the default): arbiter \(rate(ours[.oneCallerAllCores]))"
              + (reference == nil ? "" : " | vs openslide-python 1 thread" + ratio(reference?[1], ours[.oneCallerAllCores])))
        if let one = ours[.oneCaller], let two = ours[.twoCallers] {
            print(String(format: "    scaling 1 -> 2 threads: arbiter %.2fx", one / two)
                  + (reference.map { String(format: ", openslide-python %.2fx", ($0[1] ?? .nan) / ($0[2] ?? .nan)) } ?? ""))
        }
    }
}

/// Which 256 x 256 level-0 regions a benchmark run reads.
enum RegionPattern: String {
    case gridAligned = "grid-aligned"
    case randomOffsets = "random offsets"

    func regions(count: Int, level: SlideLevel) -> [[Int]] {
        var state: UInt64 = self == .gridAligned ? 1 : 2
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        return (0..<count).map { _ in
            switch self {
            case .gridAligned:
                [next(level.width / level.tileWidth) * level.tileWidth, next(level.height / level.tileHeight) * level.tileHeight, 256, 256]
            case .randomOffsets:
                [next(level.width - 256), next(level.height - 256), 256, 256]
            }
        }
    }

    func tilesTouched(_ region: [Int], level: SlideLevel) -> Int {
        let columns = (region[0] + region[2] - 1) / level.tileWidth - region[0] / level.tileWidth + 1
        let rows = (region[1] + region[3] - 1) / level.tileHeight - region[1] / level.tileHeight + 1
        return columns * rows
    }
}

/// How much this machine gives two threads right now: the same arithmetic loop on 1 thread, then on 2 at once.
enum CPUControl {
    static func scaling(iterations: Int = 200_000_000) -> Double {
        @Sendable func work() -> UInt64 {
            var sum: UInt64 = 0
            for index in 0..<UInt64(iterations) { sum = ((sum &+ index) &* 6_364_136_223_846_793_005) ^ (sum >> 7) }
            return sum
        }
        func seconds(threads: Int) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: threads) { _ in _ = CPUControl.blackHole(work()) }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let one = seconds(threads: 1)
        return 2 * one / seconds(threads: 2)
    }

    @inline(never) static func blackHole(_ value: UInt64) -> UInt64 { value }
}

/// The first error any worker thread hit (workers record, the caller rethrows).
private final class FailureBox: @unchecked Sendable {
    // Guarded by `lock`: written from the benchmark's worker threads, read after they finish.
    private let lock = NSLock()
    private var error: (any Error)?

    func record(_ error: any Error) { lock.withLock { if self.error == nil { self.error = error } } }
    var first: (any Error)? { lock.withLock { error } }
}
