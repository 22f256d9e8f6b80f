import Challenge

/// `spec`: `challenge.yaml` (`ChallengeSpecParser.parse(yaml:file:)`, Yams and every section reader). The input is
/// decoded as UTF-8 with replacement, as `arbiter score-lesions --spec` does.
let specTarget = FuzzTarget(name: "spec", covers: "ChallengeSpecParser.parse (challenge.yaml)") { input in
    _ = try? ChallengeSpecParser.parse(yaml: String(decoding: input, as: UTF8.self), file: "challenge.yaml")
}
