import Challenge
import Foundation

/// A team's allowance in words: "2 of 3 left today; the next opens 14:05 UTC", "4 of 10 left in this phase".
enum AllowanceText {
    static func describe(_ allowance: SubmissionAllowance, now: Date) -> String {
        var parts: [String] = []
        if let left = allowance.leftInPeriod, let limit = allowance.perPeriod, let period = allowance.periodSeconds {
            let window = period == 86_400 ? "today" : "in any \(SubmissionLimits.describeSeconds(period))"
            var text = "\(left) of \(limit) left \(window)"
            if left < limit, let next = allowance.nextSlotAt { text += "; the next opens \(PageTime.short(next, now: now))" }
            parts.append(text)
        }
        if let left = allowance.leftInTotal, let total = allowance.total {
            parts.append("\(left) of \(total) left in this phase")
        }
        return parts.isEmpty ? "No limit on submissions in this phase" : parts.joined(separator: "; ")
    }
}
