import Crypto
import Foundation

/// The Ed25519 key pair that signs published leaderboards, kept in `DATA-DIR/keys/`.
public enum SigningKeys {
    public static func privateKeyURL(dataDirectory: URL) -> URL { dataDirectory.appendingPathComponent("keys/leaderboard-signing.key") }
    public static func publicKeyURL(dataDirectory: URL) -> URL { dataDirectory.appendingPathComponent("keys/leaderboard-signing.pub") }

    /// Writes a new key pair (the private key readable by its owner only); refuses to replace one.
    @discardableResult
    public static func generate(dataDirectory: URL) throws -> URL {
        let privateURL = privateKeyURL(dataDirectory: dataDirectory)
        guard !FileManager.default.fileExists(atPath: privateURL.path) else {
            throw SigningKeyError("\(privateURL.path) exists; a new key would break the history's signatures")
        }
        try FileManager.default.createDirectory(at: privateURL.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let key = Curve25519.Signing.PrivateKey()
        FileManager.default.createFile(atPath: privateURL.path, contents: Data(key.rawRepresentation.base64EncodedString().utf8),
                                       attributes: [.posixPermissions: 0o600])
        try Data(key.publicKey.rawRepresentation.base64EncodedString().utf8).write(to: publicKeyURL(dataDirectory: dataDirectory))
        return publicKeyURL(dataDirectory: dataDirectory)
    }

    /// The private key's raw bytes, or nil when none was generated (leaderboards are then published unsigned).
    public static func privateKey(dataDirectory: URL) throws -> Data? {
        let url = privateKeyURL(dataDirectory: dataDirectory)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try decode(url)
    }

    public static func publicKey(file: URL) throws -> Curve25519.Signing.PublicKey {
        try Curve25519.Signing.PublicKey(rawRepresentation: decode(file))
    }

    private static func decode(_ url: URL) throws -> Data {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: text), data.count == 32 else {
            throw SigningKeyError("\(url.path) is not a base64 Ed25519 key")
        }
        return data
    }
}

public struct SigningKeyError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
