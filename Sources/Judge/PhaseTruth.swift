import Challenge
import Evaluation
import Foundation
import Logging
import Store

/// Everything needed to score submissions to one phase, loaded once per batch and shared
/// read-only by the scoring tasks.
struct PhaseTruth: Sendable {
    enum Scorer: Sendable {
        case classification(cases: [TruthCase], parser: PredictionParser, evaluator: ClassificationEvaluator)
        case lesions(LesionPhaseScorer)
    }

    let challenge: StoredChallenge
    let truthVersion: String
    let caseRefs: [Int64]
    let scorer: Scorer

    init(challenge: StoredChallenge, phase: String, store: any ArbiterStore) throws {
        guard let truthVersion = challenge.truthVersion else {
            throw StoreError.noGroundTruth(challenge: challenge.spec.slug)
        }
        guard let phaseSpec = challenge.spec.phase(phase) else {
            throw StoreError.unknownPhase(challenge: challenge.spec.slug, phase: phase)
        }
        self.challenge = challenge
        self.truthVersion = truthVersion
        if challenge.spec.task.kind == .slideClassification {
            let stored = try store.truthCases(challenge: challenge, splits: phaseSpec.cases)
            caseRefs = stored.map(\.ref)
            scorer = .classification(
                cases: stored.map(\.truth),
                parser: PredictionParser(task: challenge.spec.task, expectedCaseIDs: stored.map(\.truth.id)),
                evaluator: ClassificationEvaluator(spec: challenge.spec))
        } else {
            let files = try store.truthFiles(challenge: challenge, splits: phaseSpec.cases)
            caseRefs = files.map(\.ref)
            let truth = try files.map { file in
                LesionTruthFile(caseID: file.caseID, split: file.split, fileName: file.fileName, bytes: try store.blobs.read(file.sha256))
            }
            scorer = .lesions(try LesionPhaseScorer(task: challenge.spec.task, truth: truth, uploadLimit: phaseSpec.predictionByteLimit))
        }
    }

    var scorerVersion: String { challenge.spec.task.kind.scorerVersion }

    private static let logger = Logger(label: "arbiter.judge")

    /// Scores a stored file. A classification file is read whole (its parser keeps every row); an archive is scored
    /// where it lies in the blob store, so a large one is never held in memory. Throws only when the blob cannot be
    /// read; a problem with the file is the outcome.
    func score(blob digest: String, in blobs: any BlobStore, fileName: String) async throws -> JobResult.Outcome {
        switch scorer {
        case .classification(let cases, let parser, let evaluator):
            let bytes = try blobs.read(digest)
            return await outcome(fileName: fileName) {
                evaluator.evaluate(cases: cases, predictions: try parser.parse(bytes, file: fileName))
            }
        case .lesions(let scorer):
            let path = try blobs.verifiedFile(digest).path
            return await outcome(fileName: fileName) { try await scorer.score(path: path, fileName: fileName) }
        }
    }

    /// A file that no longer validates (say, the truth changed since it was accepted) fails with the validator's
    /// message, which is about the file, not the truth.
    private func outcome(fileName: String, _ evaluate: () async throws -> SubmissionScores) async -> JobResult.Outcome {
        do {
            return .scored(try await evaluate(), caseRefs: caseRefs)
        } catch let failure as ValidationFailure {
            return .failed(failure.description)
        } catch {
            // Other errors may name server paths or the truth's own files: the team gets a plain message, the operator the detail.
            Self.logger.error("scoring failed", metadata: ["file": "\(fileName)", "error": "\(error)"])
            return .failed("\(fileName) could not be scored; the organisers have the details and will re-judge")
        }
    }
}
