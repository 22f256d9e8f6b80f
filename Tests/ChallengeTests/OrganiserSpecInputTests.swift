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

    @Test func periodThatOverflowsIsRefusedNotTrapped() {
        #expect(SubmissionLimits.parseSeconds("9223372036854775807w") == nil)
        #expect(SubmissionLimits.parseSeconds("2w") == 1_209_600)
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
