import Challenge
import Foundation

/// Where an account stands in one challenge: the terms it last accepted, its access request, its team.
public struct ChallengeStanding: Sendable, Equatable {
    public let account: StoredAccount
    public let accepted: TermsVersion?
    public let acceptedAt: Date?
    public let request: AccessRequest?
    public let team: StoredTeam?

    public init(account: StoredAccount, accepted: TermsVersion?, acceptedAt: Date?, request: AccessRequest?, team: StoredTeam?) {
        self.account = account
        self.accepted = accepted
        self.acceptedAt = acceptedAt
        self.request = request
        self.team = team
    }

    /// What still stands between the account and the challenge's data and submissions, first step first.
    public enum Step: Sendable, Equatable {
        case verifyEmail
        /// Never accepted, or accepted terms that have changed since.
        case acceptTerms(changed: Bool)
        case requestAccess
        case awaitApproval
        case refused
    }

    /// The next step, or nil when the account is admitted: verified, current terms accepted and, where the organisers
    /// approve each participant, approved.
    public func nextStep(terms: TermsVersion, approval: ParticipationSpec.Approval) -> Step? {
        guard account.isVerified else { return .verifyEmail }
        guard accepted == terms else { return .acceptTerms(changed: accepted != nil) }
        guard approval == .required else { return nil }
        switch request?.state {
        case nil: return .requestAccess
        case .pending: return .awaitApproval
        case .refused: return .refused
        case .approved: return nil
        }
    }

    public func isAdmitted(terms: TermsVersion, approval: ParticipationSpec.Approval) -> Bool {
        nextStep(terms: terms, approval: approval) == nil
    }
}
