import Challenge
import Evaluation
import Foundation
import Scoring
import Store

/// A data directory (and the database `--database` names, if any) with a 4-class challenge of `rows` cases whose one phase has no count limit, and a team per client.
struct LoadSetup: Sendable {
    let ids: [String]
    let labels: [Int]
    let tokens: [String]
    let sampleBytes: Int

    static func make(data: URL, teams: Int, rows: Int, database: String? = nil) throws -> LoadSetup {
        let store = try StoreFactory.open(database: database, dataDirectory: data)
        let spec = try OpenPhaseChallenge.spec(slug: "load", classes: 4, maxFileSize: "1MB")
        try store.registerChallenge(spec, now: Date())
        var random = SplitMix64(seed: 7)
        let ids = (1...rows).map { String(format: "CASE%05d", $0) }
        let labels = ids.map { _ in Int(random.next() % 4) }
        var truth = "case_id,label,split\n"
        for (index, id) in ids.enumerated() { truth += "\(id),\(labels[index]),\(index % 5 < 3 ? "public" : "private")\n" }
        try store.importTruth(try TruthParser.parse(Array(truth.utf8), file: "truth.csv", task: spec.task), challenge: "load",
                              fileSHA256: ContentDigest.sha256(Array(truth.utf8)), now: Date())
        let tokens = try (0..<teams).map { try store.addTeam(challenge: "load", name: "client\($0)", now: Date()).token }
        let sample = JudgeBenchmark.predictions(ids: ids, labels: labels, random: &random)
        return LoadSetup(ids: ids, labels: labels, tokens: tokens, sampleBytes: sample.count)
    }
}
