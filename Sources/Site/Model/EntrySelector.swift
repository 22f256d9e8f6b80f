import Challenge
import Foundation
import Scoring
import Store

/// Picks each team's one leaderboard entry by the phase's final-entry rule.
struct EntrySelector {
    let rule: FinalEntryRule
    let primary: ResultColumn
    let publicSplit: Split

    func select(_ submissions: [ScoredSubmission]) -> ScoredSubmission? {
        switch rule {
        case .latest:
            return submissions.max { $0.submissionID < $1.submissionID }
        case .teamChoice:
            let chosen = submissions.filter { $0.chosenAt != nil }
            return chosen.max { ($0.chosenAt!, $0.submissionID) < ($1.chosenAt!, $1.submissionID) }
                ?? submissions.max { $0.submissionID < $1.submissionID }
        case .bestPublic:
            // Earliest wins a tie, so resubmitting the same file gains nothing.
            return submissions.reduce(nil) { best, candidate in
                guard let best else { return candidate }
                return isBetter(candidate, than: best) ? candidate : best
            }
        }
    }

    private func isBetter(_ candidate: ScoredSubmission, than incumbent: ScoredSubmission) -> Bool {
        guard let value = publicScore(candidate) else { return false }
        guard let incumbentValue = publicScore(incumbent) else { return true }
        return primary.direction.prefers(value, over: incumbentValue)
    }

    private func publicScore(_ submission: ScoredSubmission) -> Double? {
        submission.values[publicSplit]?[primary.key] ?? nil
    }
}
