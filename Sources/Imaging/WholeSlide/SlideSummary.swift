import Foundation

/// What `arbiter slide info` prints: a slide's vendor, levels, associated images and properties.
public struct SlideSummary: Sendable, Codable, Equatable {
    public struct AssociatedImage: Sendable, Codable, Equatable {
        public let name: String
        public let width: Int
        public let height: Int
    }

    public let file: String
    public let vendor: String
    public let levels: [SlideLevel]
    public let associatedImages: [AssociatedImage]
    public let properties: [String: String]

    public init(_ slide: Slide) {
        file = slide.path
        vendor = slide.vendor
        levels = slide.levels
        associatedImages = slide.associatedImageNames.map { name in
            AssociatedImage(name: name, width: Int(slide.properties["openslide.associated.\(name).width"] ?? "") ?? 0,
                            height: Int(slide.properties["openslide.associated.\(name).height"] ?? "") ?? 0)
        }
        properties = slide.properties
    }

    /// Aligned text, one fact a line; long property values are cut at 100 characters.
    public var lines: [String] {
        var lines = ["file: \(file)", "vendor: \(vendor)", "levels: \(levels.count)"]
        for (index, level) in levels.enumerated() {
            lines.append("  level \(index): \(level.width) x \(level.height), downsample \(level.downsample), tiles \(level.tileWidth) x \(level.tileHeight)")
        }
        lines.append("associated images: \(associatedImages.isEmpty ? "none" : "")")
        for image in associatedImages { lines.append("  \(image.name): \(image.width) x \(image.height)") }
        lines.append("properties: \(properties.count)")
        for key in properties.keys.sorted() {
            let value = properties[key]!.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            lines.append("  \(key) = \(value.count > 100 ? String(value.prefix(100)) + "…" : value)")
        }
        return lines
    }
}
