import Foundation

/// An item in a study's adjudication queue (readers disagreed, or a tie), and its decision once an adjudicator made it.
public struct StudyDispute: Sendable, Equatable {
    public let id: Int64
    public let itemID: String
    public let reason: String
    public let openedAt: Date
    /// Nil while the dispute is open.
    public let decision: AdjudicationDecision?

    public var isOpen: Bool { decision == nil }
}

/// What an adjudicator decides for a disputed item: a label, shapes, or both, with an optional comment.
public struct StudyDecision: Sendable, Equatable {
    public let label: String?
    /// As in `NewStudyRead.shapes`.
    public let shapes: String?
    public let comment: String?

    public init(label: String? = nil, shapes: String? = nil, comment: String? = nil) {
        self.label = label
        self.shapes = shapes
        self.comment = comment
    }
}

/// A decision as stored: who made it and when. Never changed once made.
public struct AdjudicationDecision: Sendable, Equatable {
    public let adjudicator: String
    public let decidedAt: Date
    public let decision: StudyDecision

    public init(adjudicator: String, decidedAt: Date, decision: StudyDecision) {
        self.adjudicator = adjudicator
        self.decidedAt = decidedAt
        self.decision = decision
    }
}
