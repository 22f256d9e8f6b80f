import Foundation

/// Files of this repository, found from this source file's own path so tests run from any folder.
public enum RepositoryFiles {
    /// The repository root (the folder holding Package.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether `../shared/data` (real slides and volumes kept beside the repository on development machines) is here;
    /// CI's clean clone has no such folder, so tests on those files are skipped there.
    public static let sharedDataPresent = FileManager.default.fileExists(atPath: root.appendingPathComponent("../shared/data").path)

    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// A UTF-8 file of the repository, such as a demo's `challenge.yaml`.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    public static func path(_ relativePath: String) -> String {
        url(relativePath).path
    }

    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }
}
