import Challenge
import Foundation
import Testing

/// A slip in an organiser's `challenge.yaml` must be a located issue, never a crash.
@Suite("Organiser spec input")
struct OrganiserSpecInputTests {
    @Test(arguments: ["9000000000000GB", "9223372036854775807KB", "99999999999999999999"])
    func fileSizeThatOverflowsIsRefusedNotTrapped(_ text: String) {
        #expect(SubmissionLimits.parseBytes(text) == nil)
    }

    /// A size near `Int.max` would overflow the sums made of it later (a form's headers on top of a file's limit).
    @Test(arguments: ["9223372036854775807", "9223372036854775807B", "1025GB", "1099511627777"])
    func sizeAboveTheMaximumIsRefused(_ text: String) {
        #expect(SubmissionLimits.parseBytes(text) == nil)
    }

    @Test func sizesUpToTheMaximumAreRead() {
        #expect(SubmissionLimits.parseBytes("1024GB") == SubmissionLimits.maximumBytes)
        #expect(SubmissionLimits.parseBytes("1099511627776") == SubmissionLimits.maximumBytes)
        #expect(SubmissionLimits.parseBytes("2KB") == 2048)
        #expect(SubmissionLimits.parseBytes("0KB") == nil && SubmissionLimits.parseBytes("-1MB") == nil)
    }

    @Test func periodThatOverflowsIsRefusedNotTrapped() {
        #expect(SubmissionLimits.parseSeconds("9223372036854775807w") == nil)
        #expect(SubmissionLimits.parseSeconds("2w") == 1_209_600)
    }

    /// A period of 2⁶³ seconds made a Retry-After that `Int(_:)` trapped on.
    @Test func periodAboveTheMaximumIsRefused() {
        #expect(SubmissionLimits.parseSeconds("9223372036854775807s") == nil)
        #expect(SubmissionLimits.parseSeconds("521w") == nil)
        #expect(SubmissionLimits.parseSeconds("520w") == SubmissionLimits.maximumSeconds)
    }

    @Test func specWithAnOverflowingFileSizeIsAnIssueAtItsLine() throws {
        let yaml = ChallengeSpecTests.valid.replacingOccurrences(
            of: "limits: { per-period: 2, period: 1d, total: 10 }", with: "limits: { max-file-size: 9000000000000GB }")
        #expect {
            try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
        } throws: { error in
            "\(error)".contains("max-file-size")
        }
    }
}
