/// How a team's one leaderboard entry in a phase is chosen among its submissions.
public enum FinalEntryRule: String, Sendable, Codable, CaseIterable {
    /// The submission with the best primary score on the public split (earliest wins a tie).
    case bestPublic = "best-public"
    /// The most recent scored submission.
    case latest
    /// The submission the team marked; its latest scored one until it marks any.
    case teamChoice = "team-choice"
}
