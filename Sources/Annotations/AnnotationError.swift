/// A lesion annotation that cannot be read, with where and why.
public struct AnnotationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// "line 4", "character 118", "feature 3"…
    public let location: String?
    public let message: String

    public init(file: String, location: String? = nil, _ message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        (location.map { "\(file), \($0)" } ?? file) + ": " + message
    }
}
