import Challenge
import Foundation
import Imaging

/// The spec parser takes text; reading the challenge's folder is I/O, so it lives here, beside the other files a
/// challenge takes.
extension ChallengeSpecParser {
    /// The largest `challenge.yaml` read: the demos' are under 4 KB, so a megabyte is a mistake, not a spec.
    public static let maximumFileBytes = 1 << 20

    /// Reads `DIR/challenge.yaml`, refusing one over `maximumFileBytes` before reading it whole.
    public static func load(directory: URL) throws -> ChallengeSpec {
        let path = directory.appendingPathComponent("challenge.yaml").path
        return try parse(yaml: try specText(path), file: path)
    }

    /// The text of a spec file (`challenge.yaml`, `study.yaml`), refused over `maximumFileBytes` before it is read
    /// whole, or when it is not UTF-8.
    static func specText(_ path: String) throws(SpecError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, upTo: maximumFileBytes + 1)
        } catch {
            throw SpecError(file: path, issues: [SpecIssue(path: "", line: nil, column: nil, message: "cannot read the file: \(error.message)")])
        }
        guard bytes.count <= maximumFileBytes else {
            throw SpecError(file: path, issues: [
                SpecIssue(path: "", line: nil, column: nil, message: "larger than \(maximumFileBytes) bytes; a spec file is a few kilobytes")
            ])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SpecError(file: path, issues: [SpecIssue(path: "", line: nil, column: nil, message: "not UTF-8 text")])
        }
        return text
    }
}
