/// A tiled image whose reduced resolutions are SubIFDs of IFD 0 (OME-TIFF and libvips `--subifd` style). OpenSlide
/// ignores SubIFDs and would show one level; Arbiter reads the whole pyramid. Chosen only when the main chain
/// has no reduced-resolution levels of its own, so files OpenSlide reads as pyramids keep OpenSlide's levels.
enum SubIFDPyramidFormat: SlideFormat {
    static let name = "subifd-tiff"

    static func detect(_ structure: TIFFStructure) -> Bool {
        guard let first = structure.directories.first, first.isTiled else { return false }
        let mainReduced = structure.directories.dropFirst().contains { $0.isTiled && $0.subfileType & 1 != 0 }
        return !mainReduced && (structure.subDirectories[0] ?? []).contains { $0.isTiled && $0.width < first.width }
    }

    static func open(_ structure: TIFFStructure) throws(SlideError) -> SlideLayout {
        let first = structure.directories[0]
        var levels = [try LevelSource(first, path: structure.path, fileSize: structure.fileSize)]
        for directory in structure.subDirectories[0] ?? [] where directory.isTiled && directory.width < first.width {
            levels.append(try LevelSource(directory, path: structure.path, fileSize: structure.fileSize))
        }
        levels.sort { $0.width > $1.width }
        let vendor = (first.description?.contains("<OME") ?? false) ? "ome-tiff" : name
        return GenericTIFFFormat.layout(vendor: vendor, levels: levels, properties: first)
    }
}
