import Challenge

/// The challenge the server benchmarks register: slide classification, one phase open for decades with no count
/// limit, public and private splits.
enum OpenPhaseChallenge {
    static func spec(slug: String, classes: Int, maxFileSize: String) throws -> ChallengeSpec {
        let classList = (0..<classes).map { "{ id: \"\($0)\", name: c\($0) }" }.joined(separator: ", ")
        return try ChallengeSpecParser.parse(yaml: """
            schema: 1
            slug: \(slug)
            title: \(slug) benchmark
            task:
              kind: slide-classification
              classes: [\(classList)]
            metrics:
              primary: accuracy
            phases:
              - slug: open
                opens: 2020-01-01T00:00:00Z
                closes: 2100-01-01T00:00:00Z
                cases: [public, private]
                public-split: public
                private-split: private
                limits: { max-file-size: \(maxFileSize) }
                final-entry: latest
            """, file: "\(slug).yaml")
    }
}
