import Diagnostics

/// Why tiling a slide failed, with the file or folder concerned.
public struct TilingError: Error, Sendable, CustomStringConvertible {
    /// The file or folder concerned, as `file`.
    public let location: SourceLocation
    public let message: String

    public init(path: String, _ message: String) {
        self.location = SourceLocation(file: path)
        self.message = message
    }

    public var path: String { location.file ?? "" }

    public var description: String { location.describing(message) }
}
