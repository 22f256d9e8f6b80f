import Foundation

/// A fresh temporary folder per test, removed when the value is released.
public final class ScratchFolder {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ bytes: [UInt8], to name: String) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }
}

extension ScratchFolder {
    /// Copies the `data/` folder of a repository challenge folder (the files its `participation.data` serves), so a
    /// copy of its challenge.yaml registers.
    public func copyDataFiles(of challenge: String, to folder: String) throws {
        let source = RepositoryFiles.url(challenge).appendingPathComponent("data")
        guard FileManager.default.fileExists(atPath: source.path) else { return }
        try FileManager.default.createDirectory(atPath: file(folder), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source.path, toPath: file(folder + "/data"))
    }
}
