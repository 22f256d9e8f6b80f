import Challenge
import Evaluation
import Foundation
import Store

/// What the intake needs to check a file against a phase (the decoded spec, the phase's state, its case ids and the
/// validator built from them), kept between uploads and rebuilt when the store's fingerprint of the phase changes
/// (a new spec, new truth, publication, an organiser opening or closing it). Building it reads every case id, and for
/// lesion tasks every truth file, which an upload should not pay for again.
public final class PhaseIntakeCache: @unchecked Sendable {
    struct Entry {
        let fingerprint: String
        let context: PhaseIntakeContext
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    func context(challenge: String, phase: String, store: any ArbiterStore) throws -> PhaseIntakeContext {
        let fingerprint = try store.phaseFingerprint(challenge: challenge, phase: phase)
        let key = "\(challenge)/\(phase)"
        if let entry = lock.withLock({ entries[key] }), entry.fingerprint == fingerprint { return entry.context }
        // Built outside the lock: two uploads may build it at once, and the later one simply replaces the earlier.
        let context = try PhaseIntakeContext(challenge: challenge, phase: phase, store: store)
        lock.withLock { entries[key] = Entry(fingerprint: fingerprint, context: context) }
        return context
    }
}

/// One phase as the intake sees it at one version of its spec and truth.
struct PhaseIntakeContext: Sendable {
    let challenge: StoredChallenge
    let phase: StoredPhase
    let caseCount: Int
    let validator: Validator

    enum Validator: Sendable {
        case classification(PredictionParser)
        /// The lesion or segmentation scorer, or why it could not be built (reported when a file is validated).
        case lesion(Result<LesionPhaseScorer, any Error>)
    }

    init(challenge slug: String, phase phaseSlug: String, store: any ArbiterStore) throws {
        challenge = try store.challenge(slug)
        phase = try store.phase(challenge, phaseSlug)
        let caseIDs = try store.caseIDs(challenge: challenge, splits: phase.spec.cases)
        caseCount = caseIDs.count
        if challenge.spec.task.kind == .slideClassification {
            validator = .classification(PredictionParser(task: challenge.spec.task, expectedCaseIDs: caseIDs))
        } else {
            let (challenge, phase) = (challenge, phase)
            validator = .lesion(Result {
                let files = try store.truthFiles(challenge: challenge, splits: phase.spec.cases)
                let truth = try files.map { file in
                    LesionTruthFile(caseID: file.caseID, split: file.split, fileName: file.fileName, bytes: try store.blobs.read(file.sha256))
                }
                return try LesionPhaseScorer(task: challenge.spec.task, truth: truth, uploadLimit: phase.spec.predictionByteLimit)
            })
        }
    }
}
