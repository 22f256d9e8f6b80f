
/// Bearer tokens: 256 random bits shown once; only their SHA-256 is stored.
public enum AccessToken {
    /// A fresh token such as `arb_5f0c…` (64 hex digits after the prefix).
    public static func generate() -> String {
        RandomSecret.generate(prefix: "arb_")
    }

    /// The stored form of a token.
    public static func digest(_ token: String) -> String {
        ContentDigest.sha256(token.utf8)
    }
}

extension AccessToken {
    /// Compares two digests in time that depends only on their length.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        constantTimeEquals(Array(lhs.utf8), Array(rhs.utf8))
    }

    /// Compares two byte strings (keys, digests) in time that depends only on their length.
    public static func constantTimeEquals(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
