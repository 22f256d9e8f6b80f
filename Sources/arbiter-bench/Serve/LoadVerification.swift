import Foundation
import Store

/// What the store holds after the crash rounds, against what the server acknowledged.
struct LoadVerification {
    var acknowledged = 0
    /// Acknowledged but absent.
    var lost = 0
    /// Present but with other bytes than were sent, or a blob that no longer matches its digest.
    var corrupt = 0
    /// Queued more than once.
    var duplicated = 0
    /// Rows whose file is missing.
    var halfPresent = 0
    /// Unfinished temporary files of killed writes: no row names them; a server removes them once they are an hour old
    /// (younger ones may be another server's uploads in progress).
    var litter = 0
    /// Stored although the answer never reached the client (the kill came between commit and reply): whole, and allowed.
    var storedUnacknowledged = 0

    var summary: String {
        "verification: \(acknowledged) acknowledged; lost \(lost), corrupt \(corrupt), queued twice \(duplicated), half-present \(halfPresent); \(litter) temporary files of killed uploads; "
            + "\(storedUnacknowledged) stored whole whose answer the kill cut"
    }

    static func check(data: URL, acknowledged: [LoadGenerator.Acknowledged]) throws -> LoadVerification {
        let store = try StoreFactory.open(database: nil, dataDirectory: data)
        var result = LoadVerification(acknowledged: acknowledged.count)
        let counts = try store.jobAndEvaluationCounts()
        let challenge = try store.challenge("load")
        let stored = Dictionary(uniqueKeysWithValues: try store.submissions(challenge: challenge, team: nil).map { ($0.id, $0) })
        var acknowledgedIDs = Set<Int64>()
        for ack in acknowledged {
            acknowledgedIDs.insert(ack.id)
            guard let submission = stored[ack.id] else { result.lost += 1; continue }
            if submission.fileSHA256 != ack.sha256 { result.corrupt += 1 }
            if (counts[ack.id]?.jobs ?? 0) != 1 { result.duplicated += 1 }
        }
        var verifiedBlobs = Set<String>()
        for submission in stored.values {
            if !acknowledgedIDs.contains(submission.id) { result.storedUnacknowledged += 1 }
            guard !verifiedBlobs.contains(submission.fileSHA256) else { continue }
            if (try? store.blobs.read(submission.fileSHA256)) == nil { result.halfPresent += 1 } else { verifiedBlobs.insert(submission.fileSHA256) }
        }
        let leftovers = FileManager.default.enumerator(atPath: data.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".partial") || $0.hasSuffix(".upload") } ?? []
        result.litter = leftovers.count
        return result
    }

    static func scoredExactlyOnce(data: URL) throws -> String {
        let counts = try StoreFactory.open(database: nil, dataDirectory: data).jobAndEvaluationCounts()
        let wrong = counts.values.filter { $0.evaluations != 1 }.count
        return "\(counts.count - wrong) of \(counts.count) submissions have exactly one evaluation"
    }
}
