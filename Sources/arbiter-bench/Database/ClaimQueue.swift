import Challenge
import Evaluation
import Foundation
import Intake
import Scoring
import Store

/// A queue of jobs made through the store's own API: a slide-classification challenge with a few cases, `submissions`
/// small submissions through the intake, then the phase re-queued until there are at least `jobs` jobs. Jobs of one
/// submission lie `submissions` apart in the queue, so workers claiming in order rarely hold two of one submission.
enum ClaimQueue {
    static let slug = "claims"

    /// Queues the jobs and returns how many there are (`jobs` rounded up to whole re-queues).
    static func fill(_ store: any ArbiterStore, jobs: Int, submissions: Int) throws -> Int {
        let spec = try OpenPhaseChallenge.spec(slug: slug, classes: 4, maxFileSize: "1MB")
        let now = Date()
        try store.registerChallenge(spec, now: now)
        var random = SplitMix64(seed: 5)
        let ids = (1...8).map { String(format: "CASE%05d", $0) }
        let labels = ids.map { _ in Int(random.next() % 4) }
        var truth = "case_id,label,split\n"
        for (index, id) in ids.enumerated() { truth += "\(id),\(labels[index]),\(index % 2 == 0 ? "public" : "private")\n" }
        try store.importTruth(try TruthParser.parse(Array(truth.utf8), file: "truth.csv", task: spec.task), challenge: slug,
                              fileSHA256: ContentDigest.sha256(Array(truth.utf8)), now: now)
        let token = try store.addTeam(challenge: slug, name: "claimers", now: now).token
        let intake = SubmissionIntake(store: store)
        let count = max(1, min(jobs, submissions))
        for index in 0..<count {
            let csv = JudgeBenchmark.predictions(ids: ids, labels: labels, random: &random)
            try intake.submit(challenge: slug, phase: "open", token: token, fileName: "p.csv", bytes: csv,
                              now: now.addingTimeInterval(Double(index) / 1000))
        }
        var queued = count
        let challenge = try store.challenge(slug)
        while queued < jobs { queued += try store.requeue(challenge: challenge, phase: "open", now: now) }
        return queued
    }
}
