/// A problem in the container engine's settings file: which file, which line, what is wrong.
public struct ContainerSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    public let message: String

    public var description: String {
        line.map { "\(file), line \($0): \(message)" } ?? "\(file): \(message)"
    }
}
