import ArgumentParser
import Foundation
import Imaging
import Tiling

/// Tiles one slide into a Deep Zoom pyramid with Arbiter (in process) and with `vips dzsave` in the same run, same
/// tile size, overlap and JPEG quality; prints both wall times, tile counts, the ratio and each one's peak memory.
struct TileBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tile", abstract: "Time `arbiter tile` against `vips dzsave` on the same slide.")

    @Option(help: "A JPEG-tiled slide (scripts/bench/slide-make-benchmark-slides.py makes a 20,480 x 20,480 one).") var slide: String
    @Option(help: "Scratch folder for both pyramids (emptied first).") var scratch = "/tmp/arbiter-tile-bench"
    @Option(help: "The vips executable (Debian libvips-tools).") var vips = "/usr/bin/vips"
    @Option(help: "Tile side.") var tileSize = 254
    @Option(help: "Overlap.") var overlap = 1
    @Option(help: "JPEG quality.") var quality = 75
    @Flag(help: "Time Arbiter only (for profiling); the comparison needs vips.") var arbiterOnly = false

    func run() async throws {
        let files = FileManager.default
        if files.fileExists(atPath: scratch) {
            // ext4 skips inodes deleted in the last 30 s when creating files, which slows whoever writes next.
            try files.removeItem(atPath: scratch)
            print("removed a previous run's \(scratch); waiting 35 s so file creation is not slowed by recently deleted inodes")
            try await Task.sleep(for: .seconds(35))
        }
        defer { try? files.removeItem(atPath: scratch) }
        try files.createDirectory(atPath: scratch + "/vips", withIntermediateDirectories: true)
        _ = try Data(contentsOf: URL(fileURLWithPath: slide))  // the slide in the page cache for both
        print("slide \(slide), tile size \(tileSize), overlap \(overlap), JPEG quality \(quality); load before: \(LoadAverage.text)")

        let clock = ContinuousClock()
        let vipsStart = clock.now
        let vipsPeak = arbiterOnly ? (cpu: 0, kibibytes: 0) : try runVips()
        let vipsSeconds = Stopwatch.seconds(clock.now - vipsStart)
        let vipsTiles = countTiles(in: scratch + "/vips/bench_files")

        let options = PyramidOptions(tileSize: tileSize, overlap: overlap, format: .jpeg(quality: quality))
        let opened = try Slide(path: slide, options: SlideOptions(cacheBytes: 32 << 20, regionThreads: 1))
        let cpuBefore = ProcessCPU.seconds
        let systemBefore = ProcessCPU.systemSeconds
        let start = clock.now
        _ = try await PyramidWriter(options: options).write(opened, to: PyramidFolder(directory: scratch + "/arbiter", name: "bench"))
        let seconds = Stopwatch.seconds(clock.now - start)
        let cpu = ProcessCPU.seconds - cpuBefore
        let system = ProcessCPU.systemSeconds - systemBefore
        let tiles = countTiles(in: scratch + "/arbiter/bench_files")

        print(String(format: "vips dzsave: %.2f s, %d tiles, %.1f CPU s (%.2f cores), peak RSS %.0f MiB", vipsSeconds, vipsTiles,
                     vipsPeak.cpu, vipsPeak.cpu / vipsSeconds, Double(vipsPeak.kibibytes) / 1024))
        print(String(format: "arbiter tile: %.2f s, %d tiles, %.1f CPU s (%.2f cores; %.1f s of it in the kernel, creating and writing files), peak RSS %.0f MiB (whole benchmark process, VmHWM)",
                     seconds, tiles, cpu, cpu / seconds, system, Double(PeakMemory.kibibytes) / 1024))
        print(String(format: "arbiter / vips wall time: %.2fx (target <= 0.2); vips / arbiter: %.2fx faster", seconds / vipsSeconds, vipsSeconds / seconds))
        print("load after: \(LoadAverage.text)")
        if !arbiterOnly {
            BenchmarkResult(benchmark: "tiling: Deep Zoom of \(tiles) tiles", arbiter: BenchmarkResult.number(seconds, 2, "s"),
                            reference: "vips dzsave " + BenchmarkResult.number(vipsSeconds, 2, "s"),
                            ratio: BenchmarkResult.number(seconds / vipsSeconds, 3) + " of vips' time", target: "<= 0.2 of vips' time",
                            met: seconds / vipsSeconds <= 0.2).print()
        }
        let limit = try TileCodecLimit.measure(slide: slide, tileSize: tileSize, overlap: overlap, quality: quality)
        print(String(format: "libjpeg-turbo alone: decoding level 0 %.2f s + encoding %.2fx its pixels %.2f s = %.2f CPU s; arbiter spent %.2fx that"
                     + " (%.2f s user, %.2f s kernel); on %d cores the codec limit is %.2f s of wall time, arbiter took %.2fx it",
                     limit.decodeSeconds, limit.pyramidPixelsOverLevelZero, limit.encodeSeconds * limit.pyramidPixelsOverLevelZero, limit.seconds,
                     cpu / limit.seconds, cpu - system, system, ProcessInfo.processInfo.activeProcessorCount,
                     limit.seconds / Double(ProcessInfo.processInfo.activeProcessorCount),
                     seconds / (limit.seconds / Double(ProcessInfo.processInfo.activeProcessorCount))))
        BenchmarkResult(benchmark: "tiling: CPU against libjpeg-turbo's decode + encode alone", arbiter: BenchmarkResult.number(cpu, 2, "CPU s"),
                        reference: "codec limit " + BenchmarkResult.number(limit.seconds, 2, "CPU s"),
                        ratio: BenchmarkResult.number(cpu / limit.seconds, 2) + "x the limit").print()
        if tiles != vipsTiles { print("note: tile counts differ (\(tiles) vs \(vipsTiles))") }
    }

    /// Runs vips and returns its own CPU seconds and peak RSS in KiB (`wait4` on that child alone, so whatever
    /// else this process's parent waited for is not counted).
    private func runVips() throws -> (cpu: Double, kibibytes: Int) {
        let arguments = [vips, "dzsave", slide, scratch + "/vips/bench", "--tile-size", "\(tileSize)", "--overlap", "\(overlap)",
                         "--suffix", ".jpeg[Q=\(quality)]"]
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, vips, nil, nil, &argv, environ)
        guard spawned == 0 else { throw ValidationError("cannot run \(vips): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid, status == 0 else { throw ValidationError("vips dzsave failed (wait status \(status))") }
        return (ProcessCPU.seconds(usage), usage.ru_maxrss)
    }

    private func countTiles(in folder: String) -> Int {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var count = 0
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".jpeg") { count += 1 }
        }
        return count
    }
}

/// This process's peak resident memory (`VmHWM` in /proc/self/status), in KiB.
enum PeakMemory {
    static var kibibytes: Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// The 1, 5 and 15 minute load averages, as `uptime` prints them.
enum LoadAverage {
    static var text: String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// CPU time (user + system) used by this process so far.
enum ProcessCPU {
    static var seconds: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return seconds(usage)
    }

    /// The part of it spent in the kernel (system calls, page faults).
    static var systemSeconds: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func seconds(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
