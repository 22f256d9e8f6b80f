import Challenge
import Foundation

/// Challenges and their phases: registering a spec, reading it back, publishing and pausing phases.
public protocol ChallengeStore: Sendable {
    /// Registers or updates a challenge from its spec; false when nothing changed. Changes that would alter
    /// submitted teams' standing (ranking rules, dropped phases) need `force`, and are audited.
    @discardableResult
    func registerChallenge(_ spec: ChallengeSpec, now: Date, force: Bool) throws -> Bool
    func challenge(_ slug: String) throws -> StoredChallenge
    func challengeSlugs() throws -> [String]
    func challengeSlug(id: Int64) throws -> String
    func phase(_ challenge: StoredChallenge, _ slug: String) throws -> StoredPhase
    func phases(_ challenge: StoredChallenge) throws -> [StoredPhase]
    /// The challenge and phase a submission was made to; `known` saves a lookup when the caller has the challenge.
    func challengeAndPhase(of submission: StoredSubmission, known: StoredChallenge?) throws -> (StoredChallenge, StoredPhase)
    /// A digest of everything that decides how a phase is scored, so cached validators notice a change.
    func phaseFingerprint(challenge slug: String, phase: String) throws -> String
    /// Unseals a phase's hidden split.
    func publishPhase(_ phase: StoredPhase, challenge: String, now: Date) throws
    func setAvailability(_ availability: PhaseAvailability?, of phase: StoredPhase, challenge: String, now: Date) throws
    /// Changes whenever anything that decides what a reader may see changes (publishing, availability).
    func visibilityRevision() throws -> String
}

extension ChallengeStore {
    @discardableResult
    public func registerChallenge(_ spec: ChallengeSpec, now: Date) throws -> Bool {
        try registerChallenge(spec, now: now, force: false)
    }

    public func challengeAndPhase(of submission: StoredSubmission) throws -> (StoredChallenge, StoredPhase) {
        try challengeAndPhase(of: submission, known: nil)
    }
}
