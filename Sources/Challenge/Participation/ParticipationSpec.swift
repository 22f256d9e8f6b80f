/// How people join a challenge on their own: whether an organiser approves each access request, how large a team may
/// grow, and the data a participant reaches once admitted. The rules and data-use terms they accept are the challenge
/// folder's `RULES.md` and `DATA-USE.md`, kept as documents and versioned by their SHA-256, not part of the spec.
public struct ParticipationSpec: Sendable, Equatable, Codable {
    public enum Approval: String, Sendable, Codable, CaseIterable {
        /// Accepting the terms is enough.
        case automatic
        /// An organiser approves or refuses each access request.
        case required
    }

    public var approval: Approval
    /// The most members a team may have; nil places no bound.
    public var maxTeamSize: Int?
    public var data: [DataEntry]

    public init(approval: Approval = .automatic, maxTeamSize: Int? = nil, data: [DataEntry] = []) {
        self.approval = approval
        self.maxTeamSize = maxTeamSize
        self.data = data
    }

    public static let `default` = ParticipationSpec()

    public func dataEntry(named name: String) -> DataEntry? {
        data.first { $0.name == name }
    }
}
