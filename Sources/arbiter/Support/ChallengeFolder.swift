import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Store

/// A challenge's folder as an organiser keeps it: `challenge.yaml`, and the participants' `README.md` that the
/// challenge page shows.
struct ChallengeFolder {
    let directory: URL

    /// Registers or updates the spec, then the README when the folder has one; true when either changed.
    @discardableResult
    func register(in store: any ArbiterStore, now: Date, force: Bool = false) throws -> (spec: ChallengeSpec, created: Bool) {
        let spec = try ChallengeSpecParser.load(directory: directory)
        let created = try store.registerChallenge(spec, now: now, force: force)
        let readme = directory.appendingPathComponent("README.md")
        if FileManager.default.fileExists(atPath: readme.path) {
            guard let markdown = String(data: try Data(contentsOf: readme), encoding: .utf8) else {
                throw ValidationError("\(readme.path) is not UTF-8 text")
            }
            try store.setDocument(.readme, markdown: markdown, challenge: spec.slug, now: now)
        }
        return (spec, created)
    }
}
