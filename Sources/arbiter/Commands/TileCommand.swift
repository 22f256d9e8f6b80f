import ArgumentParser
import Foundation
import Imaging
import Store
import Tiling

struct TileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tile",
        abstract: "Write Deep Zoom pyramids (NAME.dzi + NAME_files/<level>/<col>_<row>.jpeg) as openslide-python's DeepZoomGenerator lays them out.",
        discussion: """
            Levels that are slide levels hold the slide's pixels; the others are the level above averaged over 2 x 2 blocks. \
            Tiles are written into NAME_files.partial, renamed when complete, and NAME.dzi is written last: a slide whose \
            .dzi exists is skipped, so a rerun finishes what an interrupted run left.

            On many machines, either give each process a shard (--shard auto with a Kubernetes Indexed Job or a Slurm \
            array), or put one job per slide on the shared queue (--queue) and start any number of workers (--work, \
            with --watch to wait for more); a worker that dies loses its slide to another after --lease seconds.
            """)

    @Argument(help: "Slides (.svs, tiled .tif/.tiff).") var files: [String] = []
    @Option(help: "Folder for NAME.dzi and NAME_files/.") var out: String?
    @Option(help: "Tile format: jpeg or png.") var format = "jpeg"
    @Option(help: "JPEG quality (1-100).") var quality = 75
    @Option(help: "Tile side in pixels, without overlap.") var tileSize = 254
    @Option(help: "Pixels each tile shares with its neighbours.") var overlap = 1
    @Flag(help: "Tile only the slide's bounds (openslide.bounds-*), as DeepZoomGenerator's limit_bounds.") var limitBounds = false
    @Flag(help: "Leave out tiles with no tissue in the slide's tissue mask.") var skipBackground = false
    @Option(help: "Levels that are not slide levels: lanczos (as DeepZoomGenerator, from the best slide level) or box (2 x 2 averages of the level above: each slide level decoded once).")
    var resampling = "lanczos"
    @Option(help: "Only the slides of shard INDEX/COUNT (SHA-256 of the file name mod COUNT), or auto (index from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID).")
    var shard = "0/1"
    @Option(help: "Shard count with --shard auto.") var shards: Int?
    @Flag(help: "Print nothing but errors.") var quiet = false
    @Flag(help: "Queue one tiling job per slide on the store's job queue instead of tiling them here.") var queue = false
    @Flag(help: "Tile the slides of queued tiling jobs (with the options they were queued with) until none is left.") var work = false
    @Flag(help: "With --work, keep waiting for new jobs instead of stopping when the queue is empty.") var watch = false
    @Option(help: "With --work, seconds a claimed slide stays this worker's without a renewal.") var lease = 600.0
    @Option(help: "With --work --watch, the most seconds between looks at an empty queue.") var poll = 5.0
    @OptionGroup var data: DataDirectoryOption

    func validate() throws {
        if work {
            guard files.isEmpty, !queue else { throw ValidationError("--work takes its slides from the queue: give no slides and no --queue") }
            guard lease > 0, poll > 0 else { throw ValidationError("--lease and --poll expect positive seconds") }
            return
        }
        guard !watch else { throw ValidationError("--watch goes with --work") }
        guard !files.isEmpty else { throw ValidationError("give the slides to tile (or --work to tile queued ones)") }
        guard out != nil else { throw ValidationError("--out names the folder for the pyramids") }
        guard !queue || shard == "0/1" else { throw ValidationError("--queue puts every slide on the queue; workers share them out, not --shard") }
        guard ["jpeg", "png"].contains(format) else { throw ValidationError("--format expects jpeg or png, got \"\(format)\"") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality expects 1-100, got \(quality)") }
        guard PyramidResampling(rawValue: resampling) != nil else { throw ValidationError("--resampling expects lanczos or box, got \"\(resampling)\"") }
        guard (1...65_000).contains(tileSize) else { throw ValidationError("--tile-size expects a positive size, got \(tileSize)") }
        guard overlap >= 0, overlap < tileSize else { throw ValidationError("--overlap expects 0 to tile size - 1, got \(overlap)") }
        let names = files.map(SlideFolder.stem)
        if let duplicate = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw ValidationError("two slides would both write \(duplicate).dzi; tile them into different --out folders")
        }
    }

    func run() async throws {
        if work { return try await runQueuedJobs() }
        let out = self.out ?? "."
        if queue { return try queueJobs(out: out) }
        let selected = try SlideSelection(files: files, shard: shard, shards: shards)
        let tiler = SlideTiler(options: task(slide: "", out: out).pyramidOptions)
        let style = ProgressStyle.automatic(quiet: quiet)
        var failures = 0
        for file in selected.files {
            do {
                let line = try await tiler.tile(file, into: out, progress: style)
                if !quiet { print(line) }
            } catch {
                // One bad slide must not stop a batch of thousands: report it, go on, fail at the end.
                failures += 1
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
        }
        if !quiet, selected.total != selected.files.count {
            print("shard \(selected.shard): \(selected.files.count) of \(selected.total) slides")
        }
        if failures > 0 { throw BatchFailures(failed: failures, total: selected.files.count) }
    }

    /// The task of one slide with this command's options, paths made absolute for workers elsewhere.
    private func task(slide: String, out: String) -> TileTask {
        TileTask(slide: slide.isEmpty ? "" : URL(fileURLWithPath: slide).standardizedFileURL.path,
                 out: URL(fileURLWithPath: out).standardizedFileURL.path, format: format, quality: quality, tileSize: tileSize,
                 overlap: overlap, limitBounds: limitBounds, skipBackground: skipBackground, resampling: resampling)
    }

    private func queueJobs(out: String) throws {
        let payloads = try files.map { try task(slide: $0, out: out).payload() }
        let ids = try data.openStore().enqueueTasks(kind: .tile, payloads: payloads, now: Date())
        if !quiet { print("queued \(ids.count) tiling job\(ids.count == 1 ? "" : "s") (\(ids.first.map { "ids \($0)–\(ids.last ?? $0)" } ?? "none"))") }
    }

    private func runQueuedJobs() async throws {
        let store = try data.openStore()
        var worker = TileQueueWorker(store: store, worker: "tiler-\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)")
        worker.leaseSeconds = lease
        worker.quiet = quiet
        var failed = 0
        repeat {
            let report = try await worker.drain()
            failed += report.failed
            if !quiet, report.done + report.failed + report.leaseLost > 0 {
                print("tiled \(report.done) slide\(report.done == 1 ? "" : "s"), \(report.failed) failed" + (report.leaseLost > 0 ? ", \(report.leaseLost) taken over by another worker" : ""))
            }
            if watch { await store.waitForJobs(timeout: .milliseconds(Int(poll * 1000))) }
        } while watch
        if failed > 0 { throw ExitCode(1) }
    }
}

/// The slides of the shard this process runs.
struct SlideSelection {
    let shard: Shard
    let files: [String]
    let total: Int

    init(files: [String], shard text: String, shards: Int?) throws {
        do {
            shard = try Shard(parsing: text, autoCount: shards)
        } catch {
            throw ValidationError(error.description)
        }
        let shard = shard
        self.files = files.filter { shard.contains(id: URL(fileURLWithPath: $0).lastPathComponent) }
        total = files.count
    }
}

/// Slides of a batch that failed (each reported as it failed).
struct BatchFailures: Error, CustomStringConvertible {
    let failed: Int
    let total: Int
    var description: String { "\(failed) of \(total) slides failed (see the errors above)" }
}
