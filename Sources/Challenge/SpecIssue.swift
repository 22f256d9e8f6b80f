/// One problem found in a `challenge.yaml`: the key path, where it is in the file, and why.
public struct SpecIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted key path with sequence indices, such as `phases[1].limits.per-period`.
    public let path: String
    /// 1-based line of the offending node, when the YAML parser knows it.
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(path: String, line: Int?, column: Int?, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let location = line.map { "\($0):\(column ?? 1)" } ?? "-"
        return "\(location): \(path.isEmpty ? "(document)" : path): \(message)"
    }
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
        issues.map { "\(file):\($0)" }.joined(separator: "\n")
    }
}
