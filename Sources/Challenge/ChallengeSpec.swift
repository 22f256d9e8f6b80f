/// A challenge as its organiser describes it in `Challenges/<slug>/challenge.yaml`.
public struct ChallengeSpec: Sendable, Equatable, Codable {
    /// The schema this code reads; a file declaring another version is refused.
    public static let schemaVersion = 1

    public let slug: String
    public let title: String
    public let description: String
    public let task: TaskSpec
    public let metrics: MetricsSpec
    public let phases: [PhaseSpec]
    /// Nil when the file has no such section: absent from the stored JSON, so specs registered before it existed still
    /// decode, and a spec without it encodes as it always did.
    private let participationSection: ParticipationSpec?

    /// How people join: approval, team size, data. The default when the file has no `participation` section.
    public var participation: ParticipationSpec { participationSection ?? .default }

    public init(
        slug: String, title: String, description: String, task: TaskSpec, metrics: MetricsSpec, phases: [PhaseSpec],
        participation: ParticipationSpec? = nil
    ) {
        self.slug = slug
        self.title = title
        self.description = description
        self.task = task
        self.metrics = metrics
        self.phases = phases
        self.participationSection = participation
    }

    private enum CodingKeys: String, CodingKey {
        case slug, title, description, task, metrics, phases
        case participationSection = "participation"
    }

    public func phase(_ slug: String) -> PhaseSpec? {
        phases.first { $0.slug == slug }
    }
}
