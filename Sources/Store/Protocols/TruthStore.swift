import Challenge
import Foundation

/// The hidden ground truth: imported by organisers, read only by the judge.
public protocol TruthStore: Sendable {
    /// Imports a classification truth; `files` names per-case files already in the blob store.
    func importTruth(_ truth: GroundTruth, challenge slug: String, fileSHA256: String, now: Date, files: [String: (sha256: String, fileName: String)]) throws
    func caseIDs(challenge: StoredChallenge, splits: [Split]) throws -> [String]
    func truthCases(challenge: StoredChallenge, splits: [Split]) throws -> [StoredCase]
    func truthFiles(challenge: StoredChallenge, splits: [Split]) throws -> [StoredTruthFile]
}

extension TruthStore {
    public func importTruth(_ truth: GroundTruth, challenge slug: String, fileSHA256: String, now: Date) throws {
        try importTruth(truth, challenge: slug, fileSHA256: fileSHA256, now: now, files: [:])
    }
}
