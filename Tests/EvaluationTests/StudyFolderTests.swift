import Challenge
import Evaluation
import Foundation
import TestSupport
import Testing

/// `StudySpecParser.load(directory:challenge:)`: a challenge folder's study, from either file, or none.
@Suite("Study in a challenge folder")
struct StudyFolderTests {
    @Test func demoFolderHasItsStudyYAML() throws {
        let folder = RepositoryFiles.url("Challenges/tissuenet-demo")
        let study = try StudySpecParser.load(directory: folder, challenge: ChallengeSpecParser.load(directory: folder))
        #expect(study?.slug == "tissuenet-demo-grading")
    }

    @Test func folderWithoutAStudyHasNone() throws {
        let folder = RepositoryFiles.url("Challenges/camelyon-demo")
        #expect(try StudySpecParser.load(directory: folder, challenge: ChallengeSpecParser.load(directory: folder)) == nil)
    }

    @Test func studyYAMLOverAMegabyteIsRefusedBeforeItIsRead() throws {
        let folder = try ScratchFolder()
        let challenge = try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml")
        _ = try folder.write(Array(challenge.utf8), to: "challenge.yaml")
        _ = try folder.write([UInt8](repeating: UInt8(ascii: "#"), count: ChallengeSpecParser.maximumFileBytes + 1), to: "study.yaml")
        let spec = try ChallengeSpecParser.parse(yaml: challenge, file: "challenge.yaml")
        #expect {
            try StudySpecParser.load(directory: URL(fileURLWithPath: folder.path), challenge: spec)
        } throws: { error in
            "\(error)".contains("study.yaml") && "\(error)".contains("larger than 1048576 bytes")
        }
    }
}
