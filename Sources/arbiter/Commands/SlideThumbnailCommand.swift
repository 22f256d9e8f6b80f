import ArgumentParser
import Imaging
import Tiling

struct SlideThumbnailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbnail",
        abstract: "Write a low-resolution RGB picture of the whole slide, or with --mask its tissue mask (white tissue on black).",
        discussion: """
            The mask is Otsu's threshold of HSV saturation (at least \(TissueMask.minimumSaturation) of 255), with specks under \
            \(TissueMask.speckFraction * 100)% of the picture removed and holes under \(TissueMask.holeFraction * 100)% filled: \
            what `tile --skip-background` and `tiles export` use.
            """)

    @Argument(help: "The slide.") var file: String
    @Option(help: "PNG file to write.") var out: String
    @Option(help: "Longest side of the picture, in pixels.") var size = 2048
    @Flag(help: "Write the tissue mask instead of the picture.") var mask = false

    func validate() throws {
        guard size > 0 else { throw ValidationError("--size expects a positive number of pixels, got \(size)") }
    }

    func run() throws {
        try OutputPath.checkFile(out)
        let thumbnail = try SlideThumbnail(slide: Slide(path: file), longestSide: size)
        if mask {
            let tissue = thumbnail.tissueMask
            try PNGCodec.write(PNGCodec.Image(width: tissue.width, height: tissue.height, channels: 1, pixels: tissue.greyPixels), to: out)
            print("wrote \(tissue.width)x\(tissue.height) tissue mask to \(out): \(Int((tissue.tissueFraction * 100).rounded()))% tissue, saturation threshold \(tissue.threshold)")
        } else {
            try PNGCodec.write(thumbnail.pngImage, to: out)
            print("wrote \(thumbnail.width)x\(thumbnail.height) thumbnail to \(out)")
        }
    }
}
