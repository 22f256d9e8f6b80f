import Diagnostics

/// Why a whole-slide image could not be opened or read: what went wrong, in which file, directory and tag.
public struct SlideError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, stable enough for callers and tests to match on.
    public enum Code: String, Sendable, Equatable {
        /// The file cannot be opened or read (missing, unreadable, shorter than its header says).
        case io
        /// Not a TIFF file, or a TIFF no reader supports (stripped only, no image directory).
        case unsupportedFormat
        /// A TIFF structure that contradicts itself or the file (IFD loop, offsets past the end, zero tile size).
        case malformed
        /// Well-formed, but a feature Arbiter does not read (compression, bit depth, sample format).
        case unsupportedFeature
        /// Sizes beyond what Arbiter will allocate for (a 2^31 x 2^31 level, a 1 GB tile).
        case tooLarge
        /// A tile's compressed data does not decode.
        case corruptTile
        /// The caller asked for something that does not exist (level 7 of 3, a negative size, an unknown image).
        case invalidRequest
    }

    public let code: Code
    /// The TIFF directory (IFD index; SubIFDs as "IFD 0 SubIFD 2"), when the problem is in one.
    public let directory: String?
    /// The TIFF tag involved, by name (for example "TileByteCounts"), when one is.
    public let tag: String?
    /// The slide's path as `file`, then the directory and `tag <name>` as finer places.
    public let location: SourceLocation
    /// What is wrong, with the offending value.
    public let message: String

    public init(_ code: Code, file: String, directory: String? = nil, tag: String? = nil, _ message: String) {
        self.code = code
        self.directory = directory
        self.tag = tag
        self.location = SourceLocation(file: file, within: [directory, tag.map { "tag \($0)" }].compactMap { $0 })
        self.message = message
    }

    /// The slide's path.
    public var file: String { location.file ?? "" }

    public var description: String { location.describing(message) }
}
