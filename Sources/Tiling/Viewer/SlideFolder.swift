import Foundation

/// A folder of slides, where a study's items find theirs by name: the file named exactly so, or else the first file
/// (by name) whose name without its extension is the slide's (`s1` finds `s1.svs`; `s1.svs` finds `s1.tiff` too).
public struct SlideFolder: Sendable, Equatable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    /// The path of `slide`'s file; nil when the folder holds none.
    public func path(of slide: String) -> String? {
        let exact = url.appendingPathComponent(slide).path
        if !slide.contains("/"), FileManager.default.fileExists(atPath: exact) { return exact }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let stem = Self.stem(slide)
        return names.sorted().first { Self.stem($0) == slide || Self.stem($0) == stem }.map { url.appendingPathComponent($0).path }
    }

    /// A file's name without its folder and extension: how slides are named in outputs and specs.
    public static func stem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
