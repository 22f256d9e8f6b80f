import Challenge
import Store

/// Everything needed to score submissions to one phase, loaded once per batch and shared
/// read-only by the scoring tasks.
struct PhaseTruth: Sendable {
    let challenge: StoredChallenge
    let truthVersion: String
    let cases: [TruthCase]
    let caseRefs: [Int64]
    let parser: PredictionParser
    let evaluator: ClassificationEvaluator

    init(challenge: StoredChallenge, phase: String, store: SQLiteStore) throws {
        guard let truthVersion = challenge.truthVersion else {
            throw StoreError.noGroundTruth(challenge: challenge.spec.slug)
        }
        guard let phaseSpec = challenge.spec.phase(phase) else {
            throw StoreError.unknownPhase(challenge: challenge.spec.slug, phase: phase)
        }
        let stored = try store.truthCases(challenge: challenge, splits: phaseSpec.cases)
        self.challenge = challenge
        self.truthVersion = truthVersion
        self.cases = stored.map(\.truth)
        self.caseRefs = stored.map(\.ref)
        self.parser = PredictionParser(task: challenge.spec.task, expectedCaseIDs: stored.map(\.truth.id))
        self.evaluator = ClassificationEvaluator(spec: challenge.spec)
    }

    /// Scores one file. A file that no longer validates (say, the truth changed since it was
    /// accepted) fails with the validator's message, which is about the file, not the truth.
    func score(_ bytes: [UInt8], fileName: String) -> JobResult.Outcome {
        do {
            let predictions = try parser.parse(bytes, file: fileName)
            return .scored(evaluator.evaluate(cases: cases, predictions: predictions), caseRefs: caseRefs)
        } catch {
            return .failed(error.description)
        }
    }
}
