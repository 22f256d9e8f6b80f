import Challenge
import Foundation

/// The spec parser takes text; reading the challenge's folder is I/O, so it lives here, beside the other files a
/// challenge takes.
extension ChallengeSpecParser {
    /// Reads `DIR/challenge.yaml`.
    public static func load(directory: URL) throws -> ChallengeSpec {
        let url = directory.appendingPathComponent("challenge.yaml")
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SpecError(file: url.path, issues: [
                SpecIssue(path: "", line: nil, column: nil, message: "cannot read the file: \(error.localizedDescription)")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: url.path, issues: [
                SpecIssue(path: "", line: nil, column: nil, message: "not UTF-8 text")
            ])
        }
        return try parse(yaml: text, file: url.path)
    }
}
