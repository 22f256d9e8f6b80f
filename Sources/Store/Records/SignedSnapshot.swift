/// One signed leaderboard snapshot as stored and published.
public struct SignedSnapshot: Sendable, Equatable, Codable {
    public let sequence: Int
    /// The snapshot's canonical JSON: exactly the bytes that were hashed and signed.
    public let canonical: String
    public let sha256: String
    /// Ed25519 signature of `canonical`, base64.
    public let signature: String

    public init(sequence: Int, canonical: String, sha256: String, signature: String) {
        self.sequence = sequence
        self.canonical = canonical
        self.sha256 = sha256
        self.signature = signature
    }
}
