import Foundation

/// A period in which teams submit predictions for a set of cases.
public struct PhaseSpec: Sendable, Equatable, Codable {
    public let slug: String
    public let title: String
    public let opens: Date
    public let closes: Date
    /// The splits whose cases a submission must predict, every one of them.
    public let cases: [Split]
    /// Scored and shown on the leaderboard while the phase runs.
    public let publicSplit: Split
    /// Scored but sealed until the organiser publishes the phase; nil for a phase without one.
    public let privateSplit: Split?
    public let limits: SubmissionLimits
    public let finalEntry: FinalEntryRule
    /// The ranking rule, nil for the standard one (see `rankingRule`).
    public let ranking: RankingSpec?
    /// What teams see of their public scores: every score, or the Ladder's (nil means every score).
    public let publicFeedback: PublicFeedback?
    /// How teams' containers run, for a `submission: container` phase; nil for a phase of prediction files.
    public let container: ContainerPhaseSpec?
    /// The slug of the reader study whose readers' range the phase page shows as a band (`human-band:`); nil: none.
    public let humanBand: String?

    public init(
        slug: String, title: String, opens: Date, closes: Date, cases: [Split],
        publicSplit: Split, privateSplit: Split?, limits: SubmissionLimits, finalEntry: FinalEntryRule,
        ranking: RankingSpec? = nil, publicFeedback: PublicFeedback? = nil, container: ContainerPhaseSpec? = nil,
        humanBand: String? = nil
    ) {
        self.slug = slug
        self.title = title
        self.opens = opens
        self.closes = closes
        self.cases = cases
        self.publicSplit = publicSplit
        self.privateSplit = privateSplit
        self.limits = limits
        self.finalEntry = finalEntry
        self.ranking = ranking
        self.publicFeedback = publicFeedback
        self.container = container
        self.humanBand = humanBand
    }

    /// What the phase takes from teams.
    public var submission: SubmissionKind { container == nil ? .predictions : .container }

    /// The largest upload: a prediction file, or a container phase's image archive.
    public var uploadByteLimit: Int { container?.limits.imageBytes ?? limits.maxFileBytes }

    /// The largest prediction file scored: uploaded, or gathered from a container's output.
    public var predictionByteLimit: Int { container.map { max($0.limits.outputBytes, limits.maxFileBytes) } ?? limits.maxFileBytes }

    /// Whether submissions are accepted at `instant` (opens inclusive, closes exclusive).
    public func isOpen(at instant: Date) -> Bool {
        opens <= instant && instant < closes
    }
}

/// How public-split scores reach the leaderboard.
public enum PublicFeedback: String, Sendable, Codable, CaseIterable {
    /// Every scored submission's public score.
    case scores
    /// The parameter-free Ladder: a score moves only on a significant improvement (see `Ladder`).
    case ladder
}
