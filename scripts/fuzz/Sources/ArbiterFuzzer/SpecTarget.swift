import Challenge

/// `spec`: `challenge.yaml` (`ChallengeSpecParser.parse(yaml:file:)`, Yams and every section reader), then the same
/// input as a `study.yaml` of a two-class challenge and, when it is a valid challenge, its `study:` section
/// (`StudySpecParser`). The input is decoded as UTF-8 with replacement, as `arbiter score-lesions --spec` does.
let specTarget = FuzzTarget(name: "spec", covers: "ChallengeSpecParser.parse (challenge.yaml), StudySpecParser.parse (study.yaml)") { input in
    let text = String(decoding: input, as: UTF8.self)
    if let challenge = try? ChallengeSpecParser.parse(yaml: text, file: "challenge.yaml") {
        _ = try? StudySpecParser.parse(challengeYAML: text, file: "challenge.yaml", challenge: challenge)
    }
    if let studyChallenge {
        _ = try? StudySpecParser.parse(yaml: text, file: "study.yaml", challenge: studyChallenge)
    }
}

/// The challenge a fuzzed `study.yaml` belongs to: a slide classification with classes `0` and `1`.
private let studyChallenge = try? ChallengeSpecParser.parse(yaml: """
    schema: 1
    slug: fuzz
    title: Fuzz
    task:
      kind: slide-classification
      classes: [{ id: "0", name: benign }, { id: "1", name: malignant }]
    metrics:
      primary: accuracy
    phases:
      - { slug: final, opens: 2026-01-01T00:00:00Z, closes: 2026-02-01T00:00:00Z, cases: [public], public-split: public }
    """, file: "challenge.yaml")
