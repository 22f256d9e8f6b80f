import Foundation
import Scoring

/// A simulated pathologist of the demo, working only through the API with its own annotator token: it lists its
/// assignments, fetches each picture, and grades it with the true class or, at its error rate, a neighbouring one.
/// The API never tells a reader which item an assignment is, so the demo hands each reader the true class of its
/// assignments by ordinal, standing in for a pathologist's eye on the picture.
struct DemoReader: Sendable {
    let client: APIClient
    /// `/api/v1/challenges/<challenge>/studies/<study>`.
    let study: String
    let classes: [String]
    let errorPercent: Int
    let seed: UInt64

    /// Reads every assignment of its list in order; a hidden repeat is read afresh, errors and all. `truth`: the true
    /// class of each of its assignments, by ordinal.
    func readEverything(truth: [Int: Int]) async throws -> DemoStudySession.Tally {
        var random = SplitMix64(seed: seed)
        var tally = DemoStudySession.Tally()
        let list = try JSONSerialization.jsonObject(with: try await client.get(study + "/assignments")) as? [String: Any]
        for assignment in list?["assignments"] as? [[String: Any]] ?? [] {
            guard let ordinal = assignment["ordinal"] as? Int, let trueLabel = truth[ordinal] else { continue }
            if let picture = assignment["image_url"] as? String {
                let bytes = try await client.get(picture)
                guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
                    throw APIClient.Refusal(status: 200, code: "not-a-png", message: "\(picture) answered no PNG")
                }
                tally.pictures += 1
                tally.pictureBytes += bytes.count
            }
            let label = graded(trueLabel, &random)
            _ = try await client.post(json: ["label": classes[label], "seconds_spent": Double(20 + random.next(below: 100)),
                                             "idempotency_key": "demo-\(ordinal)"], to: study + "/assignments/\(ordinal)/reads")
            tally.reads += 1
        }
        return tally
    }

    /// As the study's adjudicator, who sees the disputed items' ids: decides every open dispute with the true class.
    /// Returns how many it decided.
    func decideDisputes(truth: [String: Int]) async throws -> Int {
        let disputes = try JSONSerialization.jsonObject(with: try await client.get(study + "/disputes")) as? [[String: Any]] ?? []
        var decided = 0
        for dispute in disputes {
            guard let id = dispute["id"] as? Int, let item = dispute["item_id"] as? String, let trueLabel = truth[item] else { continue }
            if let picture = dispute["image_url"] as? String { _ = try await client.get(picture) }
            _ = try await client.post(json: ["label": classes[trueLabel], "comment": "read again by the senior pathologist"],
                                      to: study + "/disputes/\(id)/decision")
            decided += 1
        }
        return decided
    }

    /// The true class, or with the error rate one class up or down (never outside the scale).
    private func graded(_ trueLabel: Int, _ random: inout SplitMix64) -> Int {
        guard random.next(below: 100) < errorPercent else { return trueLabel }
        if trueLabel == 0 { return 1 }
        if trueLabel == classes.count - 1 { return trueLabel - 1 }
        return trueLabel + (random.next(below: 2) == 0 ? -1 : 1)
    }
}
