import Challenge
import Evaluation
import Foundation
import Intake
import PlatformSupport
import Store
import Testing
import TestSupport

/// A container phase takes image archives: inspected at upload (never run), refused with a located reason when they
/// are not one, and then nothing is stored or counted.
@Suite struct ContainerIntakeTests {
    static let container = "{ layout: whole-set, inputs: { slide: value }, limits: { image-size: 4MB } }"

    func refusal(_ bytes: [UInt8], fileName: String = "model.tar") throws -> (IntakeError?, Platform) {
        let platform = try Platform(container: Self.container)
        let token = try platform.addTeam("alpha")
        do {
            try platform.intake.submit(challenge: "small", phase: "final", token: token, fileName: fileName, bytes: bytes, now: platform.at(1))
            return (nil, platform)
        } catch let error as IntakeError {
            return (error, platform)
        }
    }

    func problem(_ error: IntakeError?) -> ValidationProblem? {
        guard case .invalidFile(let failure)? = error else { return nil }
        return failure.problems.first
    }

    @Test(arguments: ["image-truncated-in-layer.tar", "image-without-manifest.tar", "image-manifest-declares-50MiB.tar"])
    func malformedImageArchiveIsRefusedAndNothingIsStored(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: RepositoryFiles.url("Fixtures/bad/\(name)")))
        let (error, platform) = try refusal(bytes)
        let found = try #require(problem(error), "\(name) was accepted")
        #expect(found.kind == .unusableImage)
        #expect(found.message.isEmpty == false)
        #expect(try platform.store.submissions(challenge: try platform.store.challenge("small"), team: nil).isEmpty)
        #expect(try platform.store.pendingJobCount() == 0)
    }

    @Test func predictionFileIsNotAnImage() throws {
        let (error, _) = try refusal(Platform.predictions([0, 1, 2, 0, 1, 2]), fileName: "predictions.csv")
        #expect(problem(error)?.kind == .unusableImage)
    }

    @Test func archiveOverThePhasesImageSizeIsRefusedBeforeItIsRead() throws {
        let (error, _) = try refusal([UInt8](repeating: 0, count: 4 << 20 + 1))
        guard case .fileTooLarge(_, let bytes, let limit)? = error else {
            Issue.record("expected fileTooLarge, got \(String(describing: error))")
            return
        }
        #expect(bytes == 4 << 20 + 1)
        #expect(limit == 4 << 20)
    }

    @Test func realPodmanArchiveIsAcceptedWithItsImageRecorded() throws {
        let bytes = [UInt8](try Data(contentsOf: RepositoryFiles.url("Fixtures/images/busybox-podman-docker-archive.tar.gz")))
        let platform = try Platform(container: Self.container)
        let submission = try #require(try platform.intake.submit(challenge: "small", phase: "final", token: try platform.addTeam("alpha"),
                                                                fileName: "busybox.tar.gz", bytes: bytes, now: platform.at(1)))
        let record = try #require(try platform.store.containerRun(submissionID: submission.id))
        #expect(record.image.imageID.hasPrefix("sha256:"))
        #expect(record.image.format == "docker-archive")
        #expect(record.image.architecture == "amd64")
    }
}
