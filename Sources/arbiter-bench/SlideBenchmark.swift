import ArgumentParser
import Dispatch
import Foundation
import Imaging

/// Reads 256 x 256 level-0 regions (grid-aligned and at random offsets) from a JPEG and a JPEG 2000 slide with
/// 1 and 2 threads, and times openslide-python on the same regions in the same run. "Threads" are callers, each
/// decoding in its own thread (`regionThreads` 1); a last line times one caller with the default options, where
/// each read decodes its tiles on every core (openslide-python has no such mode, so it is compared with its one thread).
struct SlideBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slide", abstract: "Time whole-slide region reads (JPEG, JPEG 2000) against openslide-python.")

    @Option(help: "A JPEG-tiled slide (make one with scripts/bench/slide-make-benchmark-slides.py).") var jpeg: String?
    @Option(help: "A JPEG 2000 (Aperio 33003/33005) slide.") var jpeg2000: String?
    @Option(help: "Regions per pattern and file.") var regions = 600
    @Option(help: "A Python with openslide-python and openslide-bin, to time the reference in the same run.") var python: String?
    @Option(help: "Decoded-tile cache per slide, in MiB (OpenSlide's default is 32).") var cacheMiB = 32

    func run() throws {
        let control = CPUControl.scaling()
        print(String(format: "control: a CPU-bound loop runs %.2fx faster on 2 threads than on 1 right now (2.0 on an idle 2-core machine)", control))
        for (label, path) in [("JPEG", jpeg), ("JPEG 2000", jpeg2000)] {
            guard let path else { continue }
            let slide = try Slide(path: path)
            let level = slide.levels[0]
            print("\(label): \(path) \(level.width) x \(level.height), tiles \(level.tileWidth) x \(level.tileHeight)")
            for pattern in [RegionPattern.gridAligned, .randomOffsets] {
                let requests = pattern.regions(count: regions, level: level)
                let tiles = requests.reduce(0) { $0 + pattern.tilesTouched($1, level: level) }
                var ours: [Int: Double] = [:]
                for threads in [1, 2] { ours[threads] = try time(path: path, requests: requests, threads: threads, regionThreads: 1) }
                let allCores = try time(path: path, requests: requests, threads: 1, regionThreads: SlideOptions().regionThreads)
                let reference = try python.map { try openSlideSeconds(python: $0, path: path, requests: requests) }
                report(label: label, pattern: pattern, regions: requests.count, tiles: tiles, ours: ours, allCores: allCores,
                       reference: reference)
            }
        }
    }

    private func time(path: String, requests: [[Int]], threads: Int, regionThreads: Int) throws -> Double {
        let slide = try Slide(path: path, options: SlideOptions(cacheBytes: cacheMiB << 20, regionThreads: regionThreads))
        let start = DispatchTime.now().uptimeNanoseconds
        let failures = FailureBox()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for index in stride(from: worker, to: requests.count, by: threads) {
                let r = requests[index]
                do { _ = try slide.readRegion(x: r[0], y: r[1], level: 0, width: r[2], height: r[3]) } catch { failures.record(error) }
            }
        }
        if let error = failures.first { throw error }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func openSlideSeconds(python: String, path: String, requests: [[Int]]) throws -> [Int: Double] {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("slide-bench-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: requests).write(to: list)
        defer { try? FileManager.default.removeItem(at: list) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/bench/slide-openslide-reference.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, path, list.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: output) as? [String: Any],
              let seconds = json["seconds"] as? [String: Double] else {
            throw ValidationError("the openslide-python reference failed: \(String(decoding: output, as: UTF8.self))")
        }
        return Dictionary(uniqueKeysWithValues: seconds.compactMap { key, value in Int(key).map { ($0, value) } })
    }

    private func report(label: String, pattern: RegionPattern, regions: Int, tiles: Int, ours: [Int: Double], allCores: Double,
                        reference: [Int: Double]?) {
        func rate(_ seconds: Double?) -> String {
            guard let seconds else { return "-" }
            return String(format: "%7.0f regions/s %7.0f tiles/s", Double(regions) / seconds, Double(tiles) / seconds)
        }
        print("  \(pattern.rawValue), \(regions) regions of 256 x 256 touching \(tiles) tiles:")
        for threads in [1, 2] {
            var line = "    \(threads) thread\(threads == 1 ? " " : "s"): arbiter \(rate(ours[threads]))"
            if let reference {
                line += " | openslide-python \(rate(reference[threads]))"
                if let theirs = reference[threads], let mine = ours[threads] { line += String(format: " | %.2fx", theirs / mine) }
            }
            print(line)
        }
        var line = "    1 caller, each read on \(SlideOptions().regionThreads) cores (the default): arbiter \(rate(allCores))"
        if let single = reference?[1] { line += String(format: " | openslide-python 1 thread %.2fx", single / allCores) }
        print(line)
        if let one = ours[1], let two = ours[2] {
            var line = String(format: "    scaling 1 -> 2 threads: arbiter %.2fx", one / two)
            if let reference, let singleReference = reference[1] {
                line += String(format: "; arbiter 2 threads vs openslide-python 1 thread: %.2fx", singleReference / two)
            }
            print(line)
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
