import Challenge
import Foundation

/// A registered challenge with its database identity and ground-truth version.
public struct StoredChallenge: Sendable, Equatable {
    public let id: Int64
    public let spec: ChallengeSpec
    /// SHA-256 of the imported truth file; nil before any import.
    public let truthVersion: String?
}

/// A phase of a registered challenge and whether its private split is published.
public struct StoredPhase: Sendable, Equatable {
    public let id: Int64
    public let challengeID: Int64
    public let spec: PhaseSpec
    public let publishedAt: Date?
    /// An organiser's override of the schedule; nil follows `spec.opens` and `spec.closes`.
    public let availability: PhaseAvailability?

    public var isPublished: Bool { publishedAt != nil }

    /// Whether the phase takes submissions at `instant`: the organiser's override if any, else the schedule.
    public func acceptsSubmissions(at instant: Date) -> Bool {
        switch availability {
        case .open?: true
        case .closed?: false
        case nil: spec.isOpen(at: instant)
        }
    }
}

/// An organiser's decision that overrides a phase's schedule.
public enum PhaseAvailability: String, Sendable, Codable {
    case open
    case closed
}

/// A team of a challenge.
public struct StoredTeam: Sendable, Equatable {
    public let id: Int64
    public let challengeID: Int64
    public let name: String
}

/// A case as the store keeps it: the label is only loaded for the judge.
public struct StoredCase: Sendable, Equatable {
    public let ref: Int64
    public let truth: TruthCase
}
