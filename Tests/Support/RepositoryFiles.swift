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

    /// A reference tool's expected values (`Fixtures/oracles/…`), decoded once by a suite's `static let`; a fixture
    /// that cannot be read stops the run with its path, since every test of the suite would fail on it.
    public static func oracle<Oracle: Decodable>(_ type: Oracle.Type, _ relativePath: String, snakeCaseKeys: Bool = false) -> Oracle {
        let decoder = JSONDecoder()
        if snakeCaseKeys { decoder.keyDecodingStrategy = .convertFromSnakeCase }
        do {
            return try decoder.decode(type, from: Data(contentsOf: url(relativePath)))
        } catch {
            fatalError("cannot read \(relativePath): \(error)")
        }
    }
}
