/// How a container run ended, as a category a team may see whatever the phase's log visibility.
public enum RunVerdict: String, Sendable, Codable, CaseIterable {
    /// It wrote output that passed validation; the output is queued for scoring.
    case succeeded
    case timedOut = "timeout"
    case outOfMemory = "out-of-memory"
    /// It exited with a non-zero status.
    case exitCode = "exit-code"
    case outputTooLarge = "output-too-large"
    /// It exited 0, but its output is not a valid prediction file.
    case invalidOutput = "invalid-output"
    /// The engine could not load or start the image.
    case unusableImage = "unusable-image"
}
