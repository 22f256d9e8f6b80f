import Crypto

/// The lowercase hex SHA-256 of a small document held in memory (an image's config or manifest), through swift-crypto.
enum DocumentDigest {
    static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
