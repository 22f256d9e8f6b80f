/// A child that could not be started: no such executable, no pipe, or `posix_spawn` refused.
public struct ChildProcessError: Error, Sendable, CustomStringConvertible {
    /// The command line (executable and arguments).
    public let command: [String]
    public let message: String

    public var description: String {
        let shown = command.prefix(12).joined(separator: " ") + (command.count > 12 ? " …" : "")
        return "cannot start \(shown): \(message)"
    }
}
