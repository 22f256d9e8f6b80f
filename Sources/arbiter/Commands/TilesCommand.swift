import ArgumentParser
import Foundation
import Imaging
import Tiling

struct TilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiles", abstract: "Annotation tile sets: fixed-size tiles over tissue.", subcommands: [TilesExportCommand.self])
}

struct TilesExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Cut square tiles at a target resolution over tissue, with a manifest (CSV and JSON).",
        discussion: """
            Tiles lie on a grid over each slide (whole squares only) and are kept where the tissue mask (see `slide thumbnail \
            --mask`) covers at least --min-tissue of the square. Each is read from the best slide level and resized with \
            Lanczos (Pillow's). Writes OUT/<slide>/<slide>_<x>_<y>.png and OUT/<slide>/manifest.csv|json per slide, then \
            OUT/manifest.csv|json for the slides of this run (manifest-<i>-of-<n> with --shard). Finished slides are skipped.
            """)

    @Argument(help: "Slides.") var files: [String]
    @Option(help: "Folder for the tiles and manifests.") var out: String
    @Option(help: "Tile side in pixels.") var size = 512
    @Option(help: "Microns per pixel of the tiles.") var mpp = 0.5
    @Option(help: "Least fraction of tissue a tile needs.") var minTissue = 0.5
    @Option(help: "Tile format: png or jpeg.") var format = "png"
    @Option(help: "JPEG quality (1-100).") var quality = 90
    @Option(help: "The slides' microns per pixel at level 0, for slides without openslide.mpp-x.") var slideMpp: Double?
    @Option(help: "Only the slides of shard INDEX/COUNT (SHA-256 of the file name mod COUNT), or auto.") var shard = "0/1"
    @Option(help: "Shard count with --shard auto.") var shards: Int?
    @Flag(help: "Print nothing but errors.") var quiet = false

    func validate() throws {
        guard ["jpeg", "png"].contains(format) else { throw ValidationError("--format expects png or jpeg, got \"\(format)\"") }
        guard size > 0, size <= 16_384 else { throw ValidationError("--size expects 1 to 16384 pixels, got \(size)") }
        guard mpp > 0, mpp.isFinite else { throw ValidationError("--mpp expects a positive number, got \(mpp)") }
        guard (0...1).contains(minTissue) else { throw ValidationError("--min-tissue expects a fraction in 0...1, got \(minTissue)") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality expects 1-100, got \(quality)") }
        if let slideMpp, !(slideMpp > 0) { throw ValidationError("--slide-mpp expects a positive number, got \(slideMpp)") }
    }

    func run() async throws {
        let selected = try SlideSelection(files: files, shard: shard, shards: shards)
        let exporter = TileSetExporter(options: TileSetOptions(size: size, mpp: mpp, minimumTissue: minTissue,
                                                               format: format == "png" ? .png : .jpeg(quality: quality), slideMPP: slideMpp))
        var all: [TileSetEntry] = []
        var failures = 0
        for file in selected.files {
            do {
                // Tiles are exported in parallel already, so each read stays on its task's thread.
                let slide = try Slide(path: file, options: SlideOptions(regionThreads: 1))
                let entries = try await exporter.export(slide, name: SlideFolder.stem(file), to: out, mask: SlideThumbnail(slide: slide).tissueMask)
                if !quiet { print("\(file): \(entries.count) tiles of \(size) x \(size) at \(mpp) µm/px") }
                all += entries
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
        }
        let stem = selected.shard.count == 1 ? "manifest" : "manifest-\(selected.shard.index)-of-\(selected.shard.count)"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try TileSetManifest.write(all, directory: out, stem: stem)
        if !quiet { print("\(all.count) tiles from \(selected.files.count - failures) slides; manifest \(out)/\(stem).csv and .json") }
        if failures > 0 { throw BatchFailures(failed: failures, total: selected.files.count) }
    }
}
