import Diagnostics

/// One problem found in a `challenge.yaml`: the key path, where it is in the file, and why.
public struct SpecIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted key path with sequence indices, such as `phases[1].limits.per-period`; empty for the whole document.
    public let path: String
    /// The line and column of the offending node (when the YAML parser knows them), then the key path.
    public let location: SourceLocation
    public let message: String

    public init(path: String, line: Int?, column: Int?, message: String) {
        self.path = path
        self.location = SourceLocation(line: line, column: column, within: path.isEmpty ? [] : [path])
        self.message = message
    }

    /// 1-based line of the offending node, when the YAML parser knows it.
    public var line: Int? { location.line }
    public var column: Int? { location.column }

    public var description: String { location.describing(message) }
}

/// Everything wrong with a challenge spec at once, so an organiser fixes it in one pass.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    /// The file the spec came from, for messages.
    public let file: String
    public let issues: [SpecIssue]

    public init(file: String, issues: [SpecIssue]) {
        self.file = file
        self.issues = issues
    }

    public var description: String {
        issues.map { $0.location.withFile(file).describing($0.message) }.joined(separator: "\n")
    }
}
