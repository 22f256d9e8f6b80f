import Crypto
import Foundation
import Store

/// Recomputes a published site's chain: every snapshot's hash and signature, every link, and the
/// leaderboard against the chain head.
public enum HistoryVerifier {
    public struct Failure: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// Returns the number of snapshots checked; throws on the first inconsistency.
    public static func verify(site: URL, publicKey: Curve25519.Signing.PublicKey) throws -> Int {
        let folder = site.appendingPathComponent("history")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let sequences = names.compactMap { $0.hasSuffix(".json") ? Int($0.dropLast(5)) : nil }.sorted()
        guard !sequences.isEmpty else { throw Failure(file: folder.path, reason: "no signed snapshots (history/N.json)") }
        guard sequences == Array(1...sequences.count) else {
            throw Failure(file: folder.path, reason: "snapshots \(sequences) are not numbered 1…\(sequences.count): one is missing or extra")
        }
        var previous = ""
        var head: SignedSnapshot?
        for sequence in sequences {
            let file = folder.appendingPathComponent("\(sequence).json")
            let snapshot = try JSONDecoder().decode(SignedSnapshot.self, from: Data(contentsOf: file))
            let bytes = Data(snapshot.canonical.utf8)
            guard SHA256.hash(data: bytes).hex == snapshot.sha256 else {
                throw Failure(file: file.path, reason: "content does not match its SHA-256: the snapshot was edited")
            }
            guard let signature = Data(base64Encoded: snapshot.signature), publicKey.isValidSignature(signature, for: bytes) else {
                throw Failure(file: file.path, reason: "signature does not verify with this key")
            }
            let header = try JSONDecoder().decode(SnapshotHeader.self, from: bytes)
            guard header.sequence == sequence, snapshot.sequence == sequence else {
                throw Failure(file: file.path, reason: "says it is snapshot \(header.sequence)")
            }
            guard header.previousSHA256 == previous else {
                throw Failure(file: file.path, reason: "does not chain to snapshot \(sequence - 1) (previous hash \(header.previousSHA256.prefix(16)), expected \(previous.prefix(16)))")
            }
            previous = snapshot.sha256
            head = snapshot
        }
        try checkLeaderboard(site: site, head: head!)
        return sequences.count
    }

    /// The published leaderboard.json must show exactly the phases of the chain head.
    private static func checkLeaderboard(site: URL, head: SignedSnapshot) throws {
        let file = site.appendingPathComponent("leaderboard.json")
        let published = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let shown = published?["phases"] as? NSObject, shown == (try HistoryPublisher.phases(of: head)) else {
            throw Failure(file: file.path, reason: "does not match the chain head (snapshot \(head.sequence)): the leaderboard was edited")
        }
    }
}
