import Challenge
import Foundation

/// Whether two teams may merge under a phase's submission limits: the merged team must stay within them as if it had
/// always been one team, as Kaggle rules it. Shared by both adapters, which read the submission times in the
/// transaction that merges.
enum TeamMergeLimits {
    /// Why the merge is refused in this phase, or nil when the merged team's submissions fit its limits at `now`.
    static func refusal(phase: String, limits: SubmissionLimits, times: [Date], now: Date) -> String? {
        if let total = limits.total, times.count > total {
            return "together the teams have \(times.count) submissions to phase \"\(phase)\", more than its limit of \(total)"
        }
        guard let perPeriod = limits.perPeriod, let period = limits.periodSeconds else { return nil }
        let windowStart = now.addingTimeInterval(-Double(period))
        let recent = times.filter { $0 > windowStart }.count
        guard recent > perPeriod else { return nil }
        return "together the teams have \(recent) submissions to phase \"\(phase)\" in the last \(SubmissionLimits.describeSeconds(period)), more than its limit of \(perPeriod); merge once older ones age out"
    }
}
