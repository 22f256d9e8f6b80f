/// What a queued job does. One queue, one lease protocol, for every kind: a worker claims only the kinds it runs.
public enum JobKind: String, Sendable, CaseIterable, Codable {
    /// Scoring a submission (`arbiter judge`).
    case score
    /// Writing one slide's Deep Zoom pyramid (`arbiter tile --queue`, run by `arbiter tile --work`).
    case tile
    /// Running a team's container on a container phase's hidden inputs (`arbiter run`); its output is then scored.
    case run
}
