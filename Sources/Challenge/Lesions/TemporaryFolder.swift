import Foundation

/// A private folder under the system's temporary directory, removed when the last reference goes.
public final class TemporaryFolder: Sendable {
    public let path: String

    public init(prefix: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file into the folder under a name stripped of any directory part.
    @discardableResult
    public func write(_ bytes: [UInt8], name: String) throws -> String {
        let safeName = String(name.split(separator: "/").last ?? "file").replacingOccurrences(of: "..", with: "_")
        let file = path + "/" + safeName
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}
