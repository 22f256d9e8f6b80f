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
        }
    }
}
