import Foundation

/// A file of a challenge's data page that the platform serves from its blobs.
public struct DataFile: Sendable, Equatable {
    public let name: String
    public let sha256: String
    public let byteCount: Int64
    public let storedAt: Date

    public init(name: String, sha256: String, byteCount: Int64, storedAt: Date) {
        self.name = name
        self.sha256 = sha256
        self.byteCount = byteCount
        self.storedAt = storedAt
    }
}
