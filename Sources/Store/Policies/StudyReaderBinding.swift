/// The rule every adapter applies when a reader name is bound to a token in a study.
enum StudyReaderBinding {
    /// Whether `reader` must be inserted: false when exactly that binding exists already. Throws when the token is not
    /// a live annotator's, or the name or the token is bound otherwise in the study (`bound`: the study's readers
    /// with that name or that token).
    static func isNew(_ reader: StudyReader, tokenRole: String, revoked: Bool, bound: [StudyReader], study: StoredStudy) throws -> Bool {
        guard tokenRole == TokenIdentity.Role.annotator.rawValue, !revoked else {
            throw StoreError.invalidStudyChange(
                study: study.name, reason: "token #\(reader.tokenID) is \(revoked ? "revoked" : "a \(tokenRole) token"), not a live annotator token")
        }
        if bound == [reader] { return false }
        if let other = bound.first(where: { $0 != reader }) {
            throw StoreError.invalidStudyChange(
                study: study.name,
                reason: "reader \"\(other.name)\" is already bound to token #\(other.tokenID) as \(other.role.rawValue); "
                    + "\"\(reader.name)\" cannot be bound to token #\(reader.tokenID) as \(reader.role.rawValue)")
        }
        return true
    }
}
