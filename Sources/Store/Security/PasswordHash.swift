import Crypto
import _CryptoExtras
import Foundation

/// A password's stored form: scrypt (RFC 7914, memory-hard) through BoringSSL, as swift-crypto's `_CryptoExtras`
/// gives it, never a hash of our own. The string carries its parameters and salt, as the PHC string format writes
/// them, so that parameters can be raised later and old hashes still verify:
/// `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (salt and key in unpadded standard Base64).
public struct PasswordHash: Sendable, Equatable {
    /// scrypt's cost: N = 2^`logN` rounds of `blockSize` (r) × 128 bytes each, `parallelism` (p) times.
    public struct Parameters: Sendable, Equatable {
        public let logN: Int
        public let blockSize: Int
        public let parallelism: Int

        public init(logN: Int, blockSize: Int, parallelism: Int) {
            self.logN = logN
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        /// The memory one hash holds: 128 × r × N bytes.
        public var memoryBytes: Int { 128 * blockSize << logN }

        /// N = 2^15, r = 8, p = 1: 32 MiB and 56 ms a hash (p50) on one core of this machine, so 2 cores sign in
        /// 35 a second, over the 20 a challenge's opening needs (`arbiter-bench password`).
        public static let standard = Parameters(logN: 15, blockSize: 8, parallelism: 1)
        /// The most a stored string may ask for: a string changed in the database must not make one sign-in hold
        /// gigabytes or minutes.
        public static let limit = Parameters(logN: 20, blockSize: 32, parallelism: 16)
    }

    public let parameters: Parameters
    public let salt: [UInt8]
    public let key: [UInt8]

    /// Bytes of salt in a new hash (128 bits) and of derived key.
    public static let saltBytes = 16
    public static let keyBytes = 32
    /// The longest password taken, in UTF-8 bytes: enough for any passphrase, and a bound on what is hashed.
    public static let maximumPasswordBytes = 1024

    /// Why a password or a stored string was refused.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// A new hash of `password` with a fresh random salt.
    public static func make(_ password: String, parameters: Parameters = .standard) throws -> PasswordHash {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return PasswordHash(parameters: parameters, salt: salt, key: try derive(password, salt: salt, parameters: parameters))
    }

    /// Whether `password` is the one this hash was made from. The comparison takes the same time wherever the keys
    /// differ; the derivation before it takes the same time for any password of the same length.
    public func verifies(_ password: String) throws -> Bool {
        AccessToken.constantTimeEquals(try Self.derive(password, salt: salt, parameters: parameters), key)
    }

    /// The stored string.
    public var text: String {
        "$scrypt$ln=\(parameters.logN),r=\(parameters.blockSize),p=\(parameters.parallelism)$\(Self.base64(salt))$\(Self.base64(key))"
    }

    /// A stored string read back, its parameters checked against `Parameters.limit`.
    public init(text: String) throws {
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty, fields[1] == "scrypt" else {
            throw Refusal("a password hash is $scrypt$ln=…,r=…,p=…$salt$key; this one has \(fields.count) fields beginning \(fields.prefix(2).joined(separator: "$").prefix(16))")
        }
        var values: [String: Int] = [:]
        for pair in fields[2].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]), value > 0, values[String(parts[0])] == nil else {
                throw Refusal("password hash parameter \"\(pair.prefix(20))\" is not name=positive integer, once")
            }
            values[String(parts[0])] = value
        }
        guard values.count == 3, let logN = values["ln"], let r = values["r"], let p = values["p"] else {
            throw Refusal("a password hash names exactly ln, r and p, not \(values.keys.sorted().joined(separator: ", "))")
        }
        let limit = Parameters.limit
        guard logN <= limit.logN, r <= limit.blockSize, p <= limit.parallelism else {
            throw Refusal("password hash parameters ln=\(logN), r=\(r), p=\(p) exceed the limit ln=\(limit.logN), r=\(limit.blockSize), p=\(limit.parallelism)")
        }
        guard let salt = Self.bytes(fields[3]), salt.count >= 8, salt.count <= 64 else {
            throw Refusal("a password hash's salt is 8 to 64 bytes of Base64")
        }
        guard let key = Self.bytes(fields[4]), key.count >= 16, key.count <= 64 else {
            throw Refusal("a password hash's key is 16 to 64 bytes of Base64")
        }
        self.init(parameters: Parameters(logN: logN, blockSize: r, parallelism: p), salt: salt, key: key)
    }

    public init(parameters: Parameters, salt: [UInt8], key: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.key = key
    }

    /// scrypt of the password's UTF-8 bytes, `keyBytes` long (or as long as `keyLength`, for the RFC's vectors).
    public static func derive(_ password: String, salt: [UInt8], parameters: Parameters, keyLength: Int = keyBytes) throws -> [UInt8] {
        let bytes = Array(password.utf8)
        guard bytes.count <= maximumPasswordBytes else {
            throw Refusal("a password has at most \(maximumPasswordBytes) bytes; this one has \(bytes.count)")
        }
        let key = try KDF.Scrypt.deriveKey(from: bytes, salt: salt, outputByteCount: keyLength, rounds: 1 << parameters.logN,
                                           blockSize: parameters.blockSize, parallelism: parameters.parallelism,
                                           maxMemory: parameters.memoryBytes * parameters.parallelism + (1 << 20))
        return key.withUnsafeBytes { Array($0) }
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    private static func bytes(_ text: Substring) -> [UInt8]? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") }) else { return nil }
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init)
    }
}
