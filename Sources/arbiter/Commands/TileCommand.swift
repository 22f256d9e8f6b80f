import ArgumentParser
import Foundation
import Imaging
import Tiling

struct TileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tile",
        abstract: "Write Deep Zoom pyramids (NAME.dzi + NAME_files/<level>/<col>_<row>.jpeg) as openslide-python's DeepZoomGenerator lays them out.",
        discussion: """
            Levels that are slide levels hold the slide's pixels; the others are the level above averaged over 2 x 2 blocks. \
            Tiles are written into NAME_files.partial, renamed when complete, and NAME.dzi is written last: a slide whose \
            .dzi exists is skipped, so a rerun finishes what an interrupted run left.
            """)

    @Argument(help: "Slides (.svs, tiled .tif/.tiff).") var files: [String]
    @Option(help: "Folder for NAME.dzi and NAME_files/.") var out: String
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

    func validate() throws {
        guard ["jpeg", "png"].contains(format) else { throw ValidationError("--format expects jpeg or png, got \"\(format)\"") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality expects 1-100, got \(quality)") }
        guard PyramidResampling(rawValue: resampling) != nil else { throw ValidationError("--resampling expects lanczos or box, got \"\(resampling)\"") }
        guard (1...65_000).contains(tileSize) else { throw ValidationError("--tile-size expects a positive size, got \(tileSize)") }
        guard overlap >= 0, overlap < tileSize else { throw ValidationError("--overlap expects 0 to tile size - 1, got \(overlap)") }
        let names = files.map(SlideName.of)
        if let duplicate = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw ValidationError("two slides would both write \(duplicate).dzi; tile them into different --out folders")
        }
    }

    func run() async throws {
        let selected = try SlideSelection(files: files, shard: shard, shards: shards)
        let options = PyramidOptions(tileSize: tileSize, overlap: overlap, format: format == "png" ? .png : .jpeg(quality: quality),
                                     limitBounds: limitBounds, skipBackground: skipBackground,
                                     resampling: PyramidResampling(rawValue: resampling) ?? .deepZoomGenerator)
        let writer = PyramidWriter(options: options)
        let style = ProgressStyle.automatic(quiet: quiet)
        var failures = 0
        for file in selected.files {
            do {
                try await tile(file, writer: writer, style: style)
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

    private func tile(_ file: String, writer: PyramidWriter, style: ProgressStyle) async throws {
        let folder = PyramidFolder(directory: out, name: SlideName.of(file))
        if folder.isFinished {
            if !quiet { print("\(folder.descriptorPath): already finished, skipped") }
            return
        }
        let slide = try Slide(path: file, options: SlideOptions(cacheBytes: 32 << 20, regionThreads: 1))
        let mask = skipBackground ? try SlideThumbnail(slide: slide).tissueMask : nil
        let outcome = try await writer.write(slide, to: folder, mask: mask, progress: style)
        guard !quiet else { return }
        switch outcome {
        case .alreadyFinished: print("\(folder.descriptorPath): already finished, skipped")
        case .written(let tiles, let background):
            print("\(folder.descriptorPath): \(tiles) tiles" + (skipBackground ? ", \(background) background tiles left out" : ""))
        }
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

/// A slide's output name: its file name without the extension.
enum SlideName {
    static func of(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
