import Foundation

/// Failures of the store that are not a user's mistake in a file.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case io(path: String, operation: String, code: Int32)
    case corruptBlob(digest: String, path: String)
    case unknownChallenge(String)
    case unknownPhase(challenge: String, phase: String)
    case unknownTeam(challenge: String, team: String)
    case duplicateTeam(challenge: String, team: String)
    /// A team name the stores do not keep (`TeamName`), as `TeamName.shown` writes it.
    case invalidTeamName(challenge: String, name: String, reason: String)
    case unknownSubmission(Int64)
    case noGroundTruth(challenge: String)
    case invalidSpecChange(challenge: String, reason: String)
    case unknownToken(Int64)
    /// Per-case inputs name a case the challenge's truth does not have.
    case unknownCase(challenge: String, caseID: String)
    /// A `--database` URL this build cannot open, with any password already removed.
    case unsupportedDatabase(url: String, reason: String)
    /// A stored value this code cannot read back: where it is and why.
    case corruptValue(table: String, column: String, key: String, reason: String)
    /// Reader studies: `study` is `challenge/slug` (`StoredStudy.name`).
    case unknownStudy(challenge: String, study: String)
    case unknownStudyItem(study: String, item: String)
    /// No reader of that name with that role (`reader` or `adjudicator`) in the study.
    case unknownStudyReader(study: String, reader: String, role: String)
    case unknownDispute(study: String, id: Int64)
    /// Removing or changing an item that readers have read would orphan or falsify their reads.
    case studyItemHasReads(study: String, item: String, reads: Int)
    /// A read of an item the reader was not assigned (or not with that repeat flag).
    case notAssigned(study: String, item: String, reader: String, isRepeat: Bool)
    case disputeAlreadyResolved(study: String, item: String, id: Int64, by: String)
    /// A change to a study that would contradict what is stored (a reader bound to another token, a reused key).
    case invalidStudyChange(study: String, reason: String)
    /// A change to a team or a participant's standing that the challenge's rules forbid (a full team, a second team,
    /// a merge past the submission limits, a spent invitation).
    case invalidTeamChange(challenge: String, reason: String)
    case unknownAccessRequest(challenge: String, email: String)
    case unknownAccount(String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let code):
            "\(operation) failed on \(path): \(String(cString: strerror(code)))"
        case .corruptBlob(let digest, let path):
            "stored file \(path) no longer matches its digest \(digest)"
        case .unknownChallenge(let slug):
            "no challenge \"\(slug)\" is registered; add it with `arbiter challenge add DIR`"
        case .unknownPhase(let challenge, let phase):
            "challenge \"\(challenge)\" has no phase \"\(phase)\""
        case .unknownTeam(let challenge, let team):
            "challenge \"\(challenge)\" has no team \"\(team)\""
        case .duplicateTeam(let challenge, let team):
            "challenge \"\(challenge)\" already has a team \"\(team)\""
        case .invalidTeamName(let challenge, let name, let reason):
            "\"\(name)\" cannot name a team of challenge \"\(challenge)\": \(reason)"
        case .unknownSubmission(let id):
            "no submission \(id)"
        case .noGroundTruth(let challenge):
            "challenge \"\(challenge)\" has no ground truth yet; import it with `arbiter truth import`"
        case .invalidSpecChange(let challenge, let reason):
            "cannot update challenge \"\(challenge)\": \(reason)"
        case .unknownToken(let id):
            "no token #\(id)"
        case .unknownCase(let challenge, let caseID):
            "challenge \"\(challenge)\" has no case \"\(caseID)\" in its truth; import the truth first, then the inputs of its cases"
        case .unsupportedDatabase(let url, let reason):
            "cannot open the database \(url): \(reason)"
        case .corruptValue(let table, let column, let key, let reason):
            "the database's \(table).\(column) of \(key) is damaged: \(reason)"
        case .unknownStudy(let challenge, let study):
            "challenge \"\(challenge)\" has no study \"\(study)\""
        case .unknownStudyItem(let study, let item):
            "study \"\(study)\" has no item \"\(item)\""
        case .unknownStudyReader(let study, let reader, let role):
            "study \"\(study)\" has no \(role) \"\(reader)\""
        case .unknownDispute(let study, let id):
            "study \"\(study)\" has no dispute #\(id)"
        case .studyItemHasReads(let study, let item, let reads):
            "item \"\(item)\" of study \"\(study)\" has \(reads) read\(reads == 1 ? "" : "s") and cannot be removed or changed"
        case .notAssigned(let study, let item, let reader, let isRepeat):
            "reader \"\(reader)\" of study \"\(study)\" is not assigned item \"\(item)\"\(isRepeat ? " as a repeat" : "")"
        case .disputeAlreadyResolved(let study, let item, let id, let by):
            "dispute #\(id) on item \"\(item)\" of study \"\(study)\" was already resolved by \(by)"
        case .invalidStudyChange(let study, let reason):
            "cannot change study \"\(study)\": \(reason)"
        case .invalidTeamChange(let challenge, let reason):
            "in challenge \"\(challenge)\": \(reason)"
        case .unknownAccessRequest(let challenge, let email):
            "challenge \"\(challenge)\" has no access request from \(email)"
        case .unknownAccount(let email):
            "no account \(email)"
        }
    }
}
