import Foundation

/// What is left of a team's allowance in a phase, from the times of its accepted submissions: the same rolling
/// window and total the store enforces when it accepts one.
public struct SubmissionAllowance: Sendable, Equatable {
    /// Submissions left in the current window, and the window's limit; nil without a per-period limit.
    public let leftInPeriod: Int?
    public let perPeriod: Int?
    public let periodSeconds: Int?
    /// When the oldest submission in the window leaves it, freeing a slot; nil when none is in the window.
    public let nextSlotAt: Date?
    /// Submissions left in the whole phase, and its limit; nil without a total.
    public let leftInTotal: Int?
    public let total: Int?

    public init(limits: SubmissionLimits, submittedAt: [Date], now: Date) {
        perPeriod = limits.perPeriod
        periodSeconds = limits.periodSeconds
        total = limits.total
        leftInTotal = limits.total.map { max(0, $0 - submittedAt.count) }
        guard let perPeriod = limits.perPeriod, let period = limits.periodSeconds else {
            (leftInPeriod, nextSlotAt) = (nil, nil)
            return
        }
        let inWindow = submittedAt.filter { $0.timeIntervalSince1970 > now.timeIntervalSince1970 - Double(period) }.sorted()
        leftInPeriod = max(0, perPeriod - inWindow.count)
        // The slot that frees first belongs to the oldest submission still counted.
        let counted = inWindow.suffix(perPeriod)
        nextSlotAt = counted.first.map { $0.addingTimeInterval(Double(period)) }
    }

    /// Whether the team may submit now, as far as its allowance goes.
    public var allowsSubmission: Bool { (leftInPeriod ?? 1) > 0 && (leftInTotal ?? 1) > 0 }
}
