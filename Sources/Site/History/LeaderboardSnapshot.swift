import Crypto
import Foundation
import Store

/// What a published leaderboard said, chained to the snapshot before it.
struct LeaderboardSnapshot: Encodable {
    let sequence: Int
    let challenge: String
    let publishedAt: String
    /// sha256 of the previous snapshot's canonical bytes ("" for the first).
    let previousSHA256: String
    let scorerVersion: String
    let truthVersion: String
    let phases: [LeaderboardDocument.Phase]

    /// Sorted keys, no whitespace: the bytes that are hashed and signed.
    func canonical() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func signed(with key: Curve25519.Signing.PrivateKey) throws -> SignedSnapshot {
        let text = try canonical()
        let bytes = Data(text.utf8)
        return SignedSnapshot(sequence: sequence, canonical: text, sha256: SHA256.hash(data: bytes).hex,
                              signature: try key.signature(for: bytes).base64EncodedString())
    }
}

/// The chain fields of a snapshot, read back for verification.
struct SnapshotHeader: Decodable {
    let sequence: Int
    let challenge: String
    let previousSHA256: String
    let publishedAt: String
}

extension Digest {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
