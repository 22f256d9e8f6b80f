import Foundation

/// How progress is shown: a redrawn bar on a terminal, plain lines otherwise, or nothing.
public enum ProgressStyle: Sendable {
    case bar, lines, quiet

    /// A bar when standard error is a terminal, lines when it is not, nothing when `quiet`.
    public static func automatic(quiet: Bool) -> ProgressStyle {
        quiet ? .quiet : isatty(STDERR_FILENO) == 1 ? .bar : .lines
    }
}
