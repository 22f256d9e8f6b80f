import Crypto
import Foundation
import Imaging
import Testing
import TestSupport

/// Fixtures/oracles/slides/expected.json, written by scripts/oracles/slide_oracle.py from openslide-python 1.4.7
/// with openslide-bin 4.0.1.2 (or tifffile 2026.3.3 where OpenSlide refuses the file).
struct SlideOracle: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Level: Decodable, Sendable {
            let width: Int
            let height: Int
            let downsample: Double
            let tileWidth: Int
            let tileHeight: Int
        }

        struct Associated: Decodable, Sendable {
            let name: String
            let width: Int
            let height: Int
            let sha256: String
        }

        struct Region: Decodable, Sendable, CustomStringConvertible {
            let x: Int
            let y: Int
            let level: Int
            let width: Int
            let height: Int
            let sha256: String
            /// False where OpenSlide resamples tiles placed at fractional positions (see `png`).
            let exact: Bool
            let png: String?
            /// Set where Arbiter knowingly differs from OpenSlide (the reason).
            let knownGap: String?

            var description: String { "level \(level) (\(x), \(y)) \(width)x\(height)" }
        }

        let name: String
        let path: String
        let oracle: String
        let vendor: String
        let levels: [Level]
        let properties: [String: String]?
        let associated: [Associated]
        let regions: [Region]

        var testDescription: String { name }
        var resolvedPath: String { URL(fileURLWithPath: RepositoryFiles.path(path)).standardized.path }
        var isShared: Bool { path.hasPrefix("../shared/") }
    }

    let cases: [Case]

    static let all: [Case] = {
        let url = URL(fileURLWithPath: RepositoryFiles.path("Fixtures/oracles/slides/expected.json"))
        return (try? JSONDecoder().decode(SlideOracle.self, from: Data(contentsOf: url)).cases) ?? []
    }()

    /// The real slides of ../shared/data/wsi (next to the repository); CI may not have them.
    static let sharedFolder = URL(fileURLWithPath: RepositoryFiles.path("../shared/data/wsi")).standardized.path
    static let sharedFolderPresent = FileManager.default.fileExists(atPath: sharedFolder)

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
