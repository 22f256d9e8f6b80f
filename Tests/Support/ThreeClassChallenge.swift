/// The spec of a small three-class slide-classification challenge with one public/private phase, as the platform
/// and server tests register it (each with its own slug, limits and rules); with `container`, a flow mapping of the
/// phase's container section, the phase takes container images.
public enum ThreeClassChallenge {
    public static func yaml(
        slug: String, limits: String, finalEntry: String, secondary: String = "[accuracy, quadratic-weighted-kappa]",
        ranking: String? = nil, feedback: String? = nil, container: String? = nil
    ) -> String {
        """
        schema: 1
        slug: \(slug)
        title: \(slug.prefix(1).uppercased() + slug.dropFirst())
        task:
          kind: slide-classification
          classes: [{ id: "0", name: zero }, { id: "1", name: one }, { id: "2", name: two }]
        metrics:
          primary: { kind: cost-matrix, matrix: [[0, 0.5, 1], [0.5, 0, 0.5], [1, 0.5, 0]] }
          secondary: \(secondary)
        phases:
          - slug: final
            opens: 2026-01-01T00:00:00Z
            closes: 2026-03-01T00:00:00Z
            cases: [public, private]
            public-split: public
            private-split: private
            limits: \(limits)
            final-entry: \(finalEntry)
        \(ranking.map { "    ranking: \($0)" } ?? "")
        \(feedback.map { "    public-feedback: \($0)" } ?? "")
        \(container.map { "    submission: container\n    container: \($0)" } ?? "")
        """
    }
}
