import Challenge
import Store

/// The human level of every phase that asks for it (`human-band: <study>`), per split of the phase's cases, with the
/// readers under their anonymised names ("Reader 1" is the study's first reader): what the leaderboard and the report
/// show. A study that is not registered gives a level that is not applicable, saying so.
public struct PhaseHumanLevels: Sendable {
    /// The study's title and its readers' level, for one phase and split.
    public struct Entry: Sendable {
        /// The study's title (its slug when it is not registered).
        public let study: String
        public let level: HumanLevel
    }

    /// By phase slug, then split.
    public let phases: [String: [Split: Entry]]

    /// Reads the phases of challenge `slug`, their studies' latest plain reads and the truth's case ids per split.
    public init(store: any ArbiterStore, challenge slug: String) throws {
        let challenge = try store.challenge(slug)
        let registered = Set(try store.studies(challenge: slug).map(\.slug))
        var phases: [String: [Split: Entry]] = [:]
        for phase in try store.phases(challenge) {
            guard let studySlug = phase.spec.humanBand else { continue }
            guard registered.contains(studySlug) else {
                let missing = HumanLevel(metric: challenge.spec.primaryColumn.key, readers: [],
                                         notApplicable: "study \(studySlug) is not registered (arbiter study add)")
                phases[phase.spec.slug] = Dictionary(uniqueKeysWithValues: phase.spec.cases.map { ($0, Entry(study: studySlug, level: missing)) })
                continue
            }
            let study = try ReaderStudy(store: store, challenge: slug, slug: studySlug)
            phases[phase.spec.slug] = try Dictionary(uniqueKeysWithValues: phase.spec.cases.map { split in
                let cases = Set(try store.caseIDs(challenge: challenge, splits: [split]))
                return (split, Entry(study: study.spec.title, level: study.anonymised(try study.humanLevel(challenge: challenge.spec, cases: cases))))
            })
        }
        self.phases = phases
    }
}

extension ReaderStudy {
    /// `level` with each reader under their anonymous name, in the study's reader order.
    func anonymised(_ level: HumanLevel) -> HumanLevel {
        let order = Dictionary(uniqueKeysWithValues: spec.readers.enumerated().map { ($1, $0) })
        let readers = level.readers.sorted { (order[$0.reader] ?? .max) < (order[$1.reader] ?? .max) }
            .map { HumanLevel.Reader(reader: anonymousName(of: $0.reader), value: $0.value, items: $0.items) }
        return HumanLevel(metric: level.metric, readers: readers, notApplicable: level.notApplicable)
    }
}
