import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Store

/// A challenge's folder as an organiser keeps it: `challenge.yaml`, and the participants' `README.md` that the
/// challenge page shows.
struct ChallengeFolder {
    /// A README longer than this is refused, reading no more than one byte past it: it is stored in the database and
    /// rendered on every visit to the challenge page.
    static let readmeByteLimit = 1 << 20

    let directory: URL

    /// Registers or updates the spec, then the README when the folder has one (checked before anything is stored).
    @discardableResult
    func register(in store: @autoclosure () throws -> any ArbiterStore, now: Date, force: Bool = false) throws
        -> (spec: ChallengeSpec, created: Bool)
    {
        let spec = try ChallengeSpecParser.load(directory: directory)
        let readme = try self.readme()
        let store = try store()
        let created = try store.registerChallenge(spec, now: now, force: force)
        if let readme { try store.setDocument(.readme, markdown: readme, challenge: spec.slug, now: now) }
        return (spec, created)
    }

    /// `README.md`'s text, or nil when the folder has none.
    private func readme() throws -> String? {
        let file = directory.appendingPathComponent("README.md")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let bytes = try readFile(file.path, upTo: Self.readmeByteLimit + 1)
        guard bytes.count <= Self.readmeByteLimit else {
            throw ValidationError("\(file.path) has more than \(Self.readmeByteLimit) bytes; a README may have at most that")
        }
        guard let markdown = String(validating: bytes, as: UTF8.self) else {
            throw ValidationError("\(file.path) is not UTF-8 text")
        }
        return markdown
    }
}
