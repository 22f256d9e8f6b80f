import Challenge
import Evaluation
import Foundation
import Store

extension SubmissionIntake {
    /// The architecture this build's runners run, as image configs name it (and `BusyboxImage` writes it).
    public static let hostArchitecture: String = {
        #if arch(x86_64)
        "amd64"
        #elseif arch(arm64)
        "arm64"
        #else
        "unknown"
        #endif
    }()

    /// A container phase's upload: an image archive, inspected without running it (format, config digest,
    /// architecture, entry point, size), or for a phase with a runtime image a code package (a zip, listed within the
    /// archive budget). Refusals are located like a prediction file's problems.
    func inspect(_ content: SubmissionContent, fileName: String, container: ContainerPhaseSpec, context: PhaseIntakeContext,
                 audit: RejectionAudit?) throws -> SubmittedImage {
        guard context.caseCount > 0 else { throw IntakeError.noCases(challenge: context.challenge.spec.slug) }
        do {
            if let runtime = container.runtime {
                try CodePackage.check(content, fileName: fileName)
                return SubmittedImage(imageID: runtime.image, format: SubmittedImage.codePackageFormat, architecture: Self.hostArchitecture)
            }
            let budget = ContainerImageBudget.limited(to: Int64(container.limits.imageBytes))
            let summary = switch content {
            case .bytes(let bytes): try ContainerImageArchive.inspect(bytes: bytes, displayName: fileName, budget: budget)
            case .file(let file): try ContainerImageArchive.inspect(path: file.url.path, displayName: fileName, budget: budget)
            }
            guard summary.os == "linux", summary.architecture == Self.hostArchitecture else {
                throw ContainerImageError(
                    file: fileName,
                    "the image is built for \(summary.os)/\(summary.architecture); this platform runs linux/\(Self.hostArchitecture)")
            }
            guard !(summary.entrypoint.isEmpty && summary.command.isEmpty) else {
                throw ContainerImageError(file: fileName, "the image has neither an entry point nor a command to run")
            }
            return SubmittedImage(imageID: summary.imageID, format: summary.format.rawValue, architecture: summary.architecture)
        } catch let error as ContainerImageError {
            try refuse(content, fileName: fileName, byteOffset: error.byteOffset.map(Int.init), message: error.message, context: context, audit: audit)
        } catch let error as ArchiveError {
            try refuse(content, fileName: fileName, byteOffset: error.byteOffset, message: error.description, context: context, audit: audit)
        }
    }

    private func refuse(_ content: SubmissionContent, fileName: String, byteOffset: Int?, message: String, context: PhaseIntakeContext,
                        audit: RejectionAudit?) throws -> Never {
        try record(audit, rejecting: content, problems: 1, challenge: context.challenge, phase: context.phase)
        throw IntakeError.invalidFile(ValidationFailure(
            file: fileName, problems: [ValidationProblem(.unusableImage, byteOffset: byteOffset, message: message)]))
    }
}
