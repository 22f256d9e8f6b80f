import Challenge
import Foundation

/// The rule every adapter applies when a spec is registered again: a phase that has opened keeps its ranking rule,
/// unless the organiser forces the change, which is then audited (and shown on the leaderboard).
enum RankingChanges {
    /// The audit entries for the forced ranking changes from the stored spec (its JSON) to `spec`; throws
    /// `invalidSpecChange` for the first unforced one. Nothing when the stored spec cannot be read.
    static func audited(storedJSON json: String, spec: ChallengeSpec, now: Date, force: Bool) throws -> [AuditEntry] {
        guard let old = try? JSONDecoder.iso8601.decode(ChallengeSpec.self, from: Data(json.utf8)) else { return [] }
        var entries: [AuditEntry] = []
        for phase in spec.phases {
            guard let before = old.phase(phase.slug), before.opens <= now, before.rankingRule != phase.rankingRule else { continue }
            let change = "\(before.rankingRule.summary) -> \(phase.rankingRule.summary)"
            guard force else {
                throw StoreError.invalidSpecChange(
                    challenge: spec.slug,
                    reason: "phase \"\(phase.slug)\" opened on \(UTCInstant.format(before.opens)); its ranking cannot change (\(change)) unless forced, and a forced change is recorded and shown")
            }
            entries.append(AuditEntry(at: now, actor: "organiser", action: "phase.ranking-changed", challenge: spec.slug,
                                      subject: phase.slug, detail: "forced: \(change)"))
        }
        return entries
    }
}
