/// Which part of the cases a ground-truth row belongs to: the public split is scored on the
/// leaderboard while a phase runs, the private split stays sealed until the organiser publishes.
public enum Split: String, Sendable, Codable, CaseIterable, Comparable {
    case `public`
    case `private`

    public static func < (lhs: Split, rhs: Split) -> Bool {
        lhs == .public && rhs == .private
    }
}
