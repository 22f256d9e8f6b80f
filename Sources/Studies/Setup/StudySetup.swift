import Challenge
import Foundation
import Store

/// Registers a study from its spec: the study and its items, a token for each reader and adjudicator not yet bound,
/// and the assignment of every item not yet assigned. Running it again after the spec gained items or readers adds
/// them; what was assigned or read stays as it was.
public struct StudySetup: Sendable {
    public let store: any ArbiterStore

    public init(store: any ArbiterStore) {
        self.store = store
    }

    /// What a setup did: the tokens it issued (each shown once, by the caller) and how many assignments it added.
    public struct Outcome: Sendable {
        public let study: StoredStudy
        public let issuedTokens: [(reader: String, role: StudyReader.Role, token: String)]
        public let addedAssignments: Int
    }

    /// `items`: the spec's own for regions and slides (`StudyItems.records`); for a tile set, those of its manifest.
    public func run(_ spec: StudySpec, challenge: String, items: [StudyItem], now: Date) throws -> Outcome {
        let study = try store.registerStudy(
            StudyRegistration(challenge: challenge, slug: spec.slug, specText: try StudySpecText.encode(spec), items: items), now: now)
        let issued = try bindReaders(spec, study: study, now: now)
        let added = try assignNewItems(spec, items: items.map(\.itemID), study: study, now: now)
        return Outcome(study: study, issuedTokens: issued, addedAssignments: added)
    }

    private func bindReaders(_ spec: StudySpec, study: StoredStudy, now: Date) throws -> [(reader: String, role: StudyReader.Role, token: String)] {
        let bound = Set(try store.studyReaders(study).map(\.name))
        let wanted = spec.readers.map { ($0, StudyReader.Role.reader) } + spec.adjudicators.map { ($0, StudyReader.Role.adjudicator) }
        return try wanted.filter { !bound.contains($0.0) }.map { name, role in
            let (record, token) = try store.issueToken(role: .annotator, team: nil, label: "\(study.name) \(role.rawValue) \(name)", now: now)
            try store.addStudyReader(name, role: role, tokenID: record.id, to: study, now: now)
            return (name, role, token)
        }
    }

    /// Assigns the items no reader has yet, after each reader's current list. Adaptive studies start with two reads.
    private func assignNewItems(_ spec: StudySpec, items: [String], study: StoredStudy, now: Date) throws -> Int {
        let progress = try spec.readers.map { try store.progress(of: $0, in: study) }
        let assigned = Set(progress.flatMap { $0.assignments.map(\.assignment.itemID) })
        let fresh = items.filter { !assigned.contains($0) }
        guard !fresh.isEmpty else { return 0 }
        let readsPerItem = spec.assignment == .adaptive ? 2 : spec.readsPerItem
        let seed = UInt64(truncatingIfNeeded: spec.hiddenRepeats?.seed ?? 0) &+ UInt64(assigned.count)
        let plan = try BlindedAssignment(readers: spec.readers, readsPerItem: readsPerItem, seed: seed)
            .plan(items: fresh, repeats: spec.hiddenRepeats)
        let offsets = Dictionary(uniqueKeysWithValues: progress.map { ($0.reader, $0.total) })
        let placed = plan.map {
            StudyAssignment(itemID: $0.itemID, reader: $0.reader, ordinal: $0.ordinal + offsets[$0.reader, default: 0],
                            transform: $0.transform, isRepeat: $0.isRepeat)
        }
        return try store.assign(placed, in: study, now: now)
    }
}
