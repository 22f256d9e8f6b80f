import Challenge
import Evaluation
import Foundation
import Store

/// Why a submission was not accepted. Every message names the problem with the upload itself.
public enum IntakeError: Error, Sendable, CustomStringConvertible {
    case unauthorized
    case wrongChallenge(team: String, challenge: String)
    case phaseNotOpen(phase: String, opens: Date, closes: Date)
    case fileTooLarge(file: String, bytes: Int, limit: Int)
    case invalidFile(ValidationFailure)
    case limitReached(LimitRefusal)
    case noCases(challenge: String)
    /// An account that still has a step to take before it may submit or see the data.
    case notAdmitted(challenge: String, step: ChallengeStanding.Step)
    /// An admitted account that is in no team of the challenge.
    case noTeam(challenge: String)

    public var description: String {
        switch self {
        case .unauthorized:
            "the token is not valid: ask the organisers for a team token"
        case .wrongChallenge(let team, let challenge):
            "team \"\(team)\" is not registered for challenge \"\(challenge)\""
        case .phaseNotOpen(let phase, let opens, let closes):
            "phase \"\(phase)\" accepts submissions from \(UTCInstant.format(opens)) until \(UTCInstant.format(closes))"
        case .fileTooLarge(let file, let bytes, let limit):
            "\(file) is \(bytes) bytes; this phase accepts files up to \(limit) bytes"
        case .invalidFile(let failure):
            failure.description
        case .limitReached(let refusal):
            "submission refused: \(refusal)"
        case .noCases(let challenge):
            "challenge \"\(challenge)\" has no cases yet; the organisers have not imported its ground truth"
        case .notAdmitted(let challenge, let step):
            switch step {
            case .verifyEmail: "verify your e-mail address first: open the link we sent you, or ask for a new one on your account page"
            case .acceptTerms(let changed):
                changed ? "the rules or data-use terms of challenge \"\(challenge)\" have changed since you accepted them; read and accept them again on the challenge page"
                    : "accept the rules and data-use terms of challenge \"\(challenge)\" on its page first"
            case .requestAccess: "challenge \"\(challenge)\" admits participants on request: ask for access on its page first"
            case .awaitApproval: "your access request to challenge \"\(challenge)\" awaits the organisers' decision"
            case .refused: "the organisers of challenge \"\(challenge)\" refused your access request"
            }
        case .noTeam(let challenge):
            "you are in no team of challenge \"\(challenge)\": create one or join one by an invitation link on its page"
        }
    }
}
