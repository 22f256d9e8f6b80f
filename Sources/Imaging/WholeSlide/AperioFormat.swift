import Foundation

/// Aperio SVS: tiled levels in IFD order, a stripped thumbnail in IFD 1, label (NewSubfileType 1) and macro (9),
/// and `key = value` pairs after the first `|` of the ImageDescription as `aperio.<key>` properties.
enum AperioFormat: SlideFormat {
    static let name = "aperio"

    static func detect(_ structure: TIFFStructure) -> Bool {
        guard let first = structure.directories.first else { return false }
        return first.isTiled && (first.description?.hasPrefix("Aperio") ?? false)
    }

    static func open(_ structure: TIFFStructure) throws(SlideError) -> SlideLayout {
        var levels: [LevelSource] = []
        var associated: [String: TIFFDirectory] = [:]
        for (index, directory) in structure.directories.enumerated() {
            if directory.isTiled {
                levels.append(try LevelSource(directory, path: structure.path, fileSize: structure.fileSize))
            } else if let name = associatedName(index: index, directory) {
                try checkAssociated(directory, name: name, path: structure.path)
                associated[name] = directory
            }
        }
        propagateMissingTiles(&levels)
        for index in levels.indices.dropFirst() { levels[index].redrawsMissingTiles = true }
        SlideProperties.assignDownsamples(&levels)
        var properties = SlideProperties.tiffProperties(of: structure.directories[0])
        properties.merge(descriptionProperties(structure.directories[0].description ?? "")) { _, new in new }
        for (source, target) in [("aperio.AppMag", "openslide.objective-power"), ("aperio.MPP", "openslide.mpp-x"), ("aperio.MPP", "openslide.mpp-y")] {
            if let value = properties[source].flatMap(SlideProperties.parse) { properties[target] = SlideProperties.format(value) }
        }
        properties.merge(SlideProperties.standard(vendor: name, levels: levels, associated: associated,
                                                  iccSize: levels[0].directory.iccProfileSize)) { _, new in new }
        return SlideLayout(vendor: name, levels: levels, associated: associated, properties: properties)
    }

    /// `aperio.<key>` for every `key=value` after the first `|`, both sides trimmed (OpenSlide's `read_properties`).
    static func descriptionProperties(_ description: String) -> [String: String] {
        var properties: [String: String] = [:]
        for item in description.split(separator: "|", omittingEmptySubsequences: false).dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let key = item[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            let value = item[item.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines)
            properties["aperio.\(key)"] = value
        }
        return properties
    }

    private static func associatedName(index: Int, _ directory: TIFFDirectory) -> String? {
        if index == 1 { return "thumbnail" }
        return switch directory.subfileType {
        case 1: "label"
        case 9: "macro"
        default: nil
        }
    }

    static func checkAssociated(_ directory: TIFFDirectory, name: String, path: String) throws(SlideError) {
        guard directory.width * directory.height <= SlideLimits.maxAssociatedPixels else {
            throw SlideError(.tooLarge, file: path, directory: directory.address.description, tag: TIFFTag.imageWidth.name,
                             "\(name) image is \(directory.width) x \(directory.height)")
        }
        guard TileCodec.isLibtiffCodec(directory.compression) else {
            throw SlideError(.unsupportedFeature, file: path, directory: directory.address.description, tag: TIFFTag.compression.name,
                             "\(name) image has unsupported compression \(directory.compression)")
        }
    }

    /// OpenSlide marks the tile of the next level that covers a missing tile as missing too.
    private static func propagateMissingTiles(_ levels: inout [LevelSource]) {
        for index in levels.indices.dropLast() where !levels[index].missingTiles.isEmpty {
            let (level, next) = (levels[index], levels[index + 1])
            let concatX = max(1, Int((Double(level.tilesAcross) / Double(next.tilesAcross)).rounded()))
            let concatY = max(1, Int((Double(level.tilesDown) / Double(next.tilesDown)).rounded()))
            for tile in level.missingTiles {
                let (column, row) = (tile % level.tilesAcross / concatX, tile / level.tilesAcross / concatY)
                levels[index + 1].missingTiles.insert(row * next.tilesAcross + column)
            }
        }
    }
}
