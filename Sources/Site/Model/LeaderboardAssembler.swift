import Challenge
import Foundation
import Scoring
import Store

/// Builds phase boards from the store, asking it only for the splits the public may see.
public struct LeaderboardAssembler: Sendable {
    public let store: any ArbiterStore

    public init(store: any ArbiterStore) {
        self.store = store
    }

    public func boards(challenge slug: String, now: Date) throws -> (StoredChallenge, [PhaseBoard]) {
        let challenge = try store.challenge(slug)
        let boards = try store.phases(challenge).map { try board($0, challenge: challenge, now: now) }
        return (challenge, boards)
    }

    func board(_ phase: StoredPhase, challenge: StoredChallenge, now: Date) throws -> PhaseBoard {
        let spec = phase.spec
        let sealed = phase.isPublished ? nil : spec.privateSplit
        let visible = spec.cases.filter { $0 != sealed }.sorted()
        let rankingSplit = phase.isPublished ? (spec.privateSplit ?? spec.publicSplit) : spec.publicSplit
        var scored = try store.scoredSubmissions(
            phase: phase, challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion, visibleSplits: visible)
        if spec.publicFeedback == .ladder { scored = try ladder(scored, spec: spec, challenge: challenge) }
        let selector = EntrySelector(rule: spec.finalEntry, primary: challenge.spec.primaryColumn, publicSplit: spec.publicSplit)
        let entries = Dictionary(grouping: scored, by: \.teamID).compactMapValues(selector.select)
        let activity = try store.teamActivity(phase: phase, challenge: challenge)
        let ranks = Ranking.minimumRanks(
            entries.mapValues { $0.values[rankingSplit]?[challenge.spec.primaryColumn.key] ?? nil },
            direction: challenge.spec.primaryColumn.direction)
        let rows = activity.map { team in
            PhaseBoard.Row(
                rank: ranks[team.team.id], team: team.team.name, submissionID: entries[team.team.id]?.submissionID,
                values: entries[team.team.id]?.values ?? [:], submissionCount: team.submissionCount,
                lastSubmittedAt: team.lastSubmittedAt)
        }
        .sorted { ($0.rank ?? Int.max, $0.team) < ($1.rank ?? Int.max, $1.team) }
        let names = Dictionary(uniqueKeysWithValues: activity.map { ($0.team.id, $0.team.name) })
        let histories = Dictionary(grouping: scored, by: \.teamID).reduce(into: [String: [PhaseBoard.HistoryPoint]]()) { result, pair in
            guard let name = names[pair.key] else { return }
            result[name] = pair.value.sorted { $0.submittedAt < $1.submittedAt }.map {
                PhaseBoard.HistoryPoint(submissionID: $0.submissionID, submittedAt: $0.submittedAt, values: $0.values)
            }
        }
        return PhaseBoard(phase: spec, status: status(phase, now: now), columns: challenge.spec.resultColumns,
                          visibleSplits: visible, rankingSplit: rankingSplit, rows: rows, histories: histories)
    }

    /// Replaces each submission's public primary score by the score the Ladder shows after it.
    private func ladder(_ scored: [ScoredSubmission], spec: PhaseSpec, challenge: StoredChallenge) throws -> [ScoredSubmission] {
        let primary = challenge.spec.primaryColumn
        let values = try store.caseValues(submissionIDs: scored.map(\.submissionID), metric: primary.key, splits: [spec.publicSplit],
                                          challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion)
        let cases = Array(Set(values.values.flatMap(\.keys))).sorted()
        var shown: [Int64: Double] = [:]
        for team in Dictionary(grouping: scored, by: \.teamID).values {
            let ordered = team.sorted { ($0.submittedAt, $0.submissionID) < ($1.submittedAt, $1.submissionID) }
            let perCase = ordered.map { entry in cases.map { values[entry.submissionID]?[$0] ?? .nan } }
            for (entry, score) in zip(ordered, Ladder.shownScores(perCase, direction: primary.direction)) { shown[entry.submissionID] = score }
        }
        return scored.map { entry in
            var values = entry.values
            if values[spec.publicSplit] != nil { values[spec.publicSplit]?[primary.key] = shown[entry.submissionID] }
            return ScoredSubmission(submissionID: entry.submissionID, teamID: entry.teamID, submittedAt: entry.submittedAt,
                                    chosenAt: entry.chosenAt, values: values)
        }
    }

    private func status(_ phase: StoredPhase, now: Date) -> PhaseBoard.Status {
        if phase.isPublished { return .published }
        if phase.acceptsSubmissions(at: now) { return .open }
        return now < phase.spec.opens ? .upcoming : .closed
    }
}
