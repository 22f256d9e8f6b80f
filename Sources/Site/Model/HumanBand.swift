import Challenge

/// Where the human readers of a reader study stand on a phase's primary metric, handed to the site by its caller
/// (Site does not compute it: that is `Studies`' `HumanLevel`). Readers carry anonymised names only, such as
/// "Reader 1"; they are shown beside the teams, never ranked among them.
public struct HumanBand: Sendable, Equatable {
    /// One reader's score against the majority of the other readers.
    public struct Reader: Sendable, Equatable {
        /// An anonymised name ("Reader 1"), never an annotator identity.
        public let name: String
        /// Nil when undefined on the reader's items.
        public let value: Double?
        /// The cases the reader was scored on.
        public let items: Int

        /// Reader `name` (anonymised) scored `value` on `items` cases.
        public init(name: String, value: Double?, items: Int) {
            self.name = name
            self.value = value
            self.items = items
        }
    }

    /// The study's title, as the page names it.
    public let study: String
    public let readers: [Reader]
    /// Why the phase's primary metric cannot score readers' labels; nil when it can.
    public let notApplicable: String?

    /// The readers of `study` (its title); `notApplicable` says why they cannot be scored, with no readers.
    public init(study: String, readers: [Reader], notApplicable: String? = nil) {
        self.study = study
        self.readers = readers
        self.notApplicable = notApplicable
    }

    /// The lowest and highest defined value over the readers.
    public var range: (lower: Double, upper: Double)? {
        let values = readers.compactMap(\.value)
        guard let lower = values.min(), let upper = values.max() else { return nil }
        return (lower, upper)
    }

    /// A phase's bands by split, keyed by phase slug: what `LeaderboardSite` and `ChallengeReport` take.
    public typealias ByPhase = [String: [Split: HumanBand]]
}

extension PhaseBoard {
    /// Sets the band of the ranking split when the phase asks for one (`human-band:`); otherwise leaves none.
    mutating func attachHumanBand(_ bands: HumanBand.ByPhase) {
        guard phase.humanBand != nil else { humanBand = nil; return }
        humanBand = bands[phase.slug]?[rankingSplit]
    }
}
