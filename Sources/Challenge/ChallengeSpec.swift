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

    public init(slug: String, title: String, description: String, task: TaskSpec, metrics: MetricsSpec, phases: [PhaseSpec]) {
        self.slug = slug
        self.title = title
        self.description = description
        self.task = task
        self.metrics = metrics
        self.phases = phases
    }

    public func phase(_ slug: String) -> PhaseSpec? {
        phases.first { $0.slug == slug }
    }
}
