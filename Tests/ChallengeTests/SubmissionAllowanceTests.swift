import Challenge
import Foundation
import Testing

/// What is left of a team's allowance, counted as the store counts it when it accepts a submission.
@Suite struct SubmissionAllowanceTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let limits = SubmissionLimits(perPeriod: 3, periodSeconds: 86_400, total: 10)

    @Test func freshTeamHasItsWholeAllowance() {
        let allowance = SubmissionAllowance(limits: Self.limits, submittedAt: [], now: Self.now)
        #expect(allowance.leftInPeriod == 3 && allowance.leftInTotal == 10 && allowance.nextSlotAt == nil && allowance.allowsSubmission)
    }

    @Test func nextSlotOpensWhenTheOldestCountedSubmissionLeavesTheWindow() {
        let times = [-90_000.0, -7200, -3600, -60].map { Self.now.addingTimeInterval($0) }
        let allowance = SubmissionAllowance(limits: Self.limits, submittedAt: times, now: Self.now)
        #expect(allowance.leftInPeriod == 0)
        #expect(!allowance.allowsSubmission)
        #expect(allowance.nextSlotAt == Self.now.addingTimeInterval(86_400 - 7200))
        #expect(allowance.leftInTotal == 6)
    }

    @Test func spentTotalRefusesEvenWithTheWindowFree() {
        let times = (0..<10).map { Self.now.addingTimeInterval(-Double(200_000 + $0)) }
        let allowance = SubmissionAllowance(limits: Self.limits, submittedAt: times, now: Self.now)
        #expect(allowance.leftInPeriod == 3)
        #expect(allowance.leftInTotal == 0)
        #expect(!allowance.allowsSubmission)
    }
}
