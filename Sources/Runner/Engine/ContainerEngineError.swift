import Foundation

/// A podman command that failed, or a run the engine refused before starting it.
public struct ContainerEngineError: Error, Sendable, CustomStringConvertible {
    /// The command line (executable and arguments), or what was refused.
    public let command: [String]
    /// The exit status; nil when the run was refused before podman was called. (A podman that cannot be started at
    /// all throws `ChildProcessError`.)
    public let status: Int32?
    /// Its standard error (capped), or why it was refused.
    public let message: String

    public init(command: [String], status: Int32?, message: String) {
        self.command = command
        self.status = status
        self.message = message
    }

    /// A run refused before podman was called (a bad mount path, too few GPUs).
    static func refused(_ message: String) -> ContainerEngineError {
        ContainerEngineError(command: [], status: nil, message: message)
    }

    public var description: String {
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !command.isEmpty else { return "container run refused: \(trimmed)" }
        let shown = command.prefix(12).joined(separator: " ") + (command.count > 12 ? " …" : "")
        let how = status.map { "exited with status \($0)" } ?? "could not start"
        return "\(shown) \(how): \(trimmed)"
    }
}
