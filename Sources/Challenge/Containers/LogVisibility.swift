/// Who reads a container's standard output and error.
public enum LogVisibility: String, Sendable, Codable, CaseIterable {
    /// The team too: only for a phase on public cases, since a container can print the data it reads.
    case team
    /// Organisers only; the team sees status, duration, peak memory and a reason category.
    case organisers
}
