import Foundation

/// OpenSlide's property names and value formats, shared by the formats.
enum SlideProperties {
    /// Formats a double as OpenSlide's `_openslide_format_double` (GLib's `g_ascii_dtostr`) prints it: the `%.15g`
    /// form when it reads back exactly with fewer than 15 significant digits, otherwise `%.17g`. (Inferred from
    /// OpenSlide 4.0.1's output: 0.499 stays short, 352.858149123434 gets 17 digits although 15 would read back.)
    static func format(_ value: Double) -> String {
        let short = String(format: "%.15g", value)
        let mantissa = short.split(separator: "e").first ?? ""
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }.count
        if Double(short) == value, digits < 15 { return short }
        return String(format: "%.17g", value)
    }

    /// Parses as OpenSlide's `_openslide_parse_double`: a comma counts as a decimal point; anything else fails.
    static func parse(_ text: String) -> Double? {
        let canonical = text.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(canonical), value.isFinite else { return nil }
        return value
    }

    /// `openslide.comment` and the `tiff.*` properties of one directory.
    static func tiffProperties(of directory: TIFFDirectory) -> [String: String] {
        var properties: [String: String] = [:]
        if let description = directory.description { properties["openslide.comment"] = description }
        for tag in TIFFTag.stringProperties {
            if let value = directory.strings[tag] { properties["tiff.\(tag.name)"] = value }
        }
        for tag in TIFFTag.floatProperties {
            if let value = directory.floats[tag] { properties["tiff.\(tag.name)"] = format(value) }
        }
        properties["tiff.ResolutionUnit"] = switch directory.resolutionUnit ?? 2 {
        case 1: "none"
        case 2: "inch"
        case 3: "centimeter"
        default: "unknown"
        }
        return properties
    }

    /// `openslide.mpp-x` and `openslide.mpp-y` from the resolution tags, as OpenSlide's generic TIFF reader sets them.
    static func resolutionProperties(of directory: TIFFDirectory) -> [String: String] {
        let dividend: Double
        switch directory.resolutionUnit ?? 2 {
        case 2: dividend = 25_400
        case 3: dividend = 10_000
        default: return [:]
        }
        guard let x = directory.floats[.xResolution], let y = directory.floats[.yResolution], x != 0, y != 0 else { return [:] }
        return ["openslide.mpp-x": format(dividend / x), "openslide.mpp-y": format(dividend / y)]
    }

    /// The level, associated-image and vendor properties OpenSlide adds to every slide.
    static func standard(vendor: String, levels: [LevelSource], associated: [String: TIFFDirectory], iccSize: Int) -> [String: String] {
        var properties = ["openslide.vendor": vendor, "openslide.level-count": String(levels.count)]
        for (index, level) in levels.enumerated() {
            let prefix = "openslide.level[\(index)]."
            properties[prefix + "width"] = String(level.width)
            properties[prefix + "height"] = String(level.height)
            properties[prefix + "downsample"] = format(level.downsample)
            properties[prefix + "tile-width"] = String(level.tileWidth)
            properties[prefix + "tile-height"] = String(level.tileHeight)
        }
        for (name, directory) in associated {
            properties["openslide.associated.\(name).width"] = String(directory.width)
            properties["openslide.associated.\(name).height"] = String(directory.height)
        }
        if iccSize > 0 { properties["openslide.icc-size"] = String(iccSize) }
        return properties
    }

    /// Sets OpenSlide's downsamples: 1 for level 0, then the mean of the height and width ratios.
    static func assignDownsamples(_ levels: inout [LevelSource]) {
        guard let base = levels.first else { return }
        for index in levels.indices {
            levels[index].downsample = index == 0 ? 1 :
                (Double(base.height) / Double(levels[index].height) + Double(base.width) / Double(levels[index].width)) / 2
        }
    }
}
