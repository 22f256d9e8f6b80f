/// A TIFF-based slide format: whether a file is one, and how its directories become levels and images.
/// Formats are tried in `SlideFormats.ordered`; the generic tiled TIFF comes last.
protocol SlideFormat {
    static var name: String { get }
    static func detect(_ structure: TIFFStructure) -> Bool
    static func open(_ structure: TIFFStructure) throws(SlideError) -> SlideLayout
}

enum SlideFormats {
    static var ordered: [any SlideFormat.Type] { [AperioFormat.self, SubIFDPyramidFormat.self, GenericTIFFFormat.self] }

    static func open(_ structure: TIFFStructure) throws(SlideError) -> SlideLayout {
        for format in ordered where format.detect(structure) {
            return try format.open(structure)
        }
        let first = structure.directories.first
        throw SlideError(.unsupportedFormat, file: structure.path, directory: "IFD 0",
                         first?.isTiled == false ? "the first image is stripped, not tiled: not a whole-slide image" : "no image directory")
    }
}
