import Challenge
import Foundation

/// A submission refused because the team has used its allowance.
public struct LimitRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let limit: Int
    /// The rolling window, or nil for the phase's total limit.
    public let periodSeconds: Int?
    /// When the oldest submission in the window leaves it; nil when the total is spent.
    public let nextAllowedAt: Date?

    public var description: String {
        guard let periodSeconds, let nextAllowedAt else {
            return "the phase allows \(limit) submissions per team in total and this team has used them all"
        }
        return "the phase allows \(limit) submissions per \(SubmissionLimits.describeSeconds(periodSeconds)); "
            + "the next one is allowed at \(UTCInstant.format(nextAllowedAt))"
    }
}
