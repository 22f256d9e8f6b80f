/// The classes a reader chooses from, in order: the challenge's own (`classes: challenge`) or a list of the study's.
public struct StudyClasses: Sendable, Equatable, Codable {
    /// The class ids (for `challenge`, the task's class ids, in the task's ordinal order).
    public let names: [String]
    /// Whether the spec said `classes: challenge`.
    public let fromChallenge: Bool

    public init(names: [String], fromChallenge: Bool) {
        self.names = names
        self.fromChallenge = fromChallenge
    }
}
