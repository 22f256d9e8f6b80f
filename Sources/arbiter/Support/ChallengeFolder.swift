import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Intake
import Store

/// A challenge's folder as an organiser keeps it: `challenge.yaml`; the participants' `README.md` that the challenge
/// page shows; the `RULES.md` and `DATA-USE.md` participants accept; and the files its `participation.data` serves.
struct ChallengeFolder {
    /// A page longer than this is refused, reading no more than one byte past it: it is stored in the database and
    /// rendered on every visit to the challenge page.
    static let documentByteLimit = 1 << 20

    let directory: URL

    /// Registers or updates the spec, then its pages and data files (every page is read and checked before anything
    /// is stored; data files are copied into the blobs a megabyte at a time).
    @discardableResult
    func register(in store: @autoclosure () throws -> any ArbiterStore, now: Date, force: Bool = false) throws
        -> (spec: ChallengeSpec, created: Bool)
    {
        let spec = try ChallengeSpecParser.load(directory: directory)
        let documents = try ChallengeDocument.Name.allCases.compactMap { name in try document(name).map { (name, $0) } }
        let dataFiles = try spec.participation.data.compactMap { entry -> (String, String)? in
            guard case .file(let path) = entry.source else { return nil }
            let file = directory.appendingPathComponent(path)
            guard FileManager.default.isReadableFile(atPath: file.path) else {
                throw ValidationError("\(file.path), data entry \"\(entry.name)\" of challenge.yaml, is not a readable file")
            }
            return (entry.name, file.path)
        }
        let store = try store()
        let created = try store.registerChallenge(spec, now: now, force: force)
        for (name, markdown) in documents { try store.setDocument(name, markdown: markdown, challenge: spec.slug, now: now) }
        if !dataFiles.isEmpty {
            let challenge = try store.challenge(spec.slug)
            for (name, path) in dataFiles {
                let upload = try UploadedFile.copying(path, into: store.blobs)
                try store.blobs.adopt(upload.url, digest: upload.sha256)
                try store.setDataFile(challenge: challenge, name: name, sha256: upload.sha256, byteCount: Int64(upload.byteCount), now: now)
            }
        }
        return (spec, created)
    }

    /// A page's text, or nil when the folder has no such file.
    private func document(_ name: ChallengeDocument.Name) throws -> String? {
        let file = directory.appendingPathComponent(name.fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let bytes = try readFile(file.path, upTo: Self.documentByteLimit + 1)
        guard bytes.count <= Self.documentByteLimit else {
            throw ValidationError("\(file.path) has more than \(Self.documentByteLimit) bytes; a page may have at most that")
        }
        guard let markdown = String(validating: bytes, as: UTF8.self) else {
            throw ValidationError("\(file.path) is not UTF-8 text")
        }
        return markdown
    }
}
