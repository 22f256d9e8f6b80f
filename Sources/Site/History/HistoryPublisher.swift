import Challenge
import Crypto
import Foundation
import Store

/// Appends a signed snapshot when what the leaderboard shows has changed, and renders the chain.
struct HistoryPublisher {
    let store: any ArbiterStore
    let key: Curve25519.Signing.PrivateKey

    func publish(challenge: StoredChallenge, phases: [LeaderboardDocument.Phase], now: Date) throws -> [SignedSnapshot] {
        var chain = try store.snapshots(challenge: challenge.spec.slug)
        if let last = chain.last, try Self.phases(of: last) == Self.object(phases) { return chain }
        let snapshot = LeaderboardSnapshot(
            sequence: (chain.last?.sequence ?? 0) + 1, challenge: challenge.spec.slug, publishedAt: UTCInstant.format(now),
            previousSHA256: chain.last?.sha256 ?? "", scorerVersion: challenge.spec.task.kind.scorerVersion,
            truthVersion: challenge.truthVersion ?? "", phases: phases)
        let signed = try snapshot.signed(with: key)
        try store.appendSnapshot(signed, challenge: challenge.spec.slug, now: now)
        chain.append(signed)
        return chain
    }

    /// The phases of a stored snapshot as a JSON object, to compare with what would be published now.
    static func phases(of snapshot: SignedSnapshot) throws -> NSObject? {
        let object = try JSONSerialization.jsonObject(with: Data(snapshot.canonical.utf8)) as? [String: Any]
        return object?["phases"] as? NSObject
    }

    static func object(_ phases: [LeaderboardDocument.Phase]) throws -> NSObject? {
        try JSONSerialization.jsonObject(with: try JSONEncoder().encode(phases)) as? NSObject
    }

    /// The page section: the chain head and a link to every snapshot.
    static func html(_ chain: [SignedSnapshot]) -> String {
        guard let head = chain.last else { return "" }
        let items = chain.reversed().map { snapshot in
            "<li><a href=\"history/\(snapshot.sequence).json\">snapshot \(snapshot.sequence)</a> <code>\(snapshot.sha256.prefix(16))…</code></li>"
        }.joined(separator: "\n")
        return """
            <section class="history" aria-label="Signed history">
            <h2>History</h2>
            <p>Every published version of this leaderboard is signed (Ed25519) and chained by SHA-256 to the one before.
            Chain head: snapshot \(head.sequence), <code>\(head.sha256)</code>. Check it with
            <code>arbiter leaderboard verify SITE --key leaderboard-signing.pub</code>.</p>
            <ol reversed>
            \(items)
            </ol>
            </section>
            """
    }
}
