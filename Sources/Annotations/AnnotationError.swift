import Diagnostics

/// A lesion annotation that cannot be read, with where and why.
public struct AnnotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, then where in it: a line or byte, `feature 3`, `ring 1`, `position 2`, `character 118`…
    public let location: SourceLocation
    public let message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// A problem with the whole file.
    public init(file: String, _ message: String) {
        self.init(SourceLocation(file: file), message)
    }

    /// A problem at a place in the file, such as `lesion 3, ring 1, position 2`.
    public init(file: String, location: String, _ message: String) {
        self.init(SourceLocation(file: file, within: [location]), message)
    }

    public var file: String { location.file ?? "" }

    public var description: String { location.describing(message) }
}
