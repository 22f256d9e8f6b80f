import ArgumentParser
import Foundation
import Imaging

struct SlideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slide", abstract: "Inspect whole-slide images (Aperio SVS, tiled TIFF pyramids) and extract regions.",
        subcommands: [SlideInfoCommand.self, SlideRegionCommand.self, SlideAssociatedCommand.self, SlideThumbnailCommand.self])
}

struct SlideInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Vendor, levels, properties and associated images of a slide.")

    @Argument(help: "An .svs or tiled .tif/.tiff file.") var file: String
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let summary = SlideSummary(try Slide(path: file))
        if json {
            print(try JSONOutput.text(summary))
        } else {
            summary.lines.forEach { print($0) }
        }
    }
}

struct SlideRegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region", abstract: "Write a region of one level as an RGBA PNG (pixels as OpenSlide's read_region).")

    @Argument(help: "The slide.") var file: String
    @Option(parsing: .unconditional, help: "Left edge, in level-0 pixels (may be negative).") var x: Int
    @Option(parsing: .unconditional, help: "Top edge, in level-0 pixels (may be negative).") var y: Int
    @Option(help: "Level to read (0 is full resolution).") var level = 0
    @Option(help: "Region size in level pixels, as WIDTHxHEIGHT.") var size: String
    @Option(help: "PNG file to write.") var out: String

    func run() throws {
        let (width, height) = try parsedSize()
        try PNGRegionLimits.check(width: width, height: height)
        try OutputPath.checkFile(out)
        let image = try Slide(path: file).readRegion(x: x, y: y, level: level, width: width, height: height)
        try PNGCodec.write(image.pngImage, to: out)
        print("wrote \(width)x\(height) region of level \(level) at (\(x), \(y)) to \(out)")
    }

    private func parsedSize() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let width = parts[0], let height = parts[1], width > 0, height > 0 else {
            throw ValidationError("--size expects WIDTHxHEIGHT with positive numbers, got \"\(size)\"")
        }
        return (width, height)
    }
}

struct SlideAssociatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "associated", abstract: "Write an associated image (thumbnail, label, macro) as an RGBA PNG.")

    @Argument(help: "The slide.") var file: String
    @Argument(help: "The associated image's name, as `slide info` lists it.") var name: String
    @Option(help: "PNG file to write.") var out: String

    func run() throws {
        try OutputPath.checkFile(out)
        let image = try Slide(path: file).associatedImage(named: name)
        try PNGCodec.write(image.pngImage, to: out)
        print("wrote \(image.width)x\(image.height) \(name) image to \(out)")
    }
}
