import Challenge
import Evaluation
import Foundation
import Intake
import Store

/// Reads a container challenge's hidden per-case inputs from a folder or archive laid out as `<case_id>/<slug><ext>`
/// (`<slug>` an input interface of one of its container phases), checks them, and stores them like truth: blobs in the
/// private store and rows no route serves. Every case of every container phase must have every input its phase names;
/// any problem imports nothing, and each problem names the file and why.
public enum CaseInputImport {
    /// Largest value input (a JSON document) read to check it parses.
    static let maxValueBytes = 1 << 20
    static let imageExtensions = [".mha", ".mhd", ".nii.gz", ".nii", ".tif", ".tiff", ".png", ".svs", ".ndpi", ".mrxs", ".dcm"]

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let message: String
        public var description: String { "\(file): \(message)" }
    }

    public struct Problems: Error, Sendable, CustomStringConvertible {
        public let problems: [Problem]
        public var description: String {
            "the inputs were not imported; \(problems.count) problems:\n" + problems.prefix(50).map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// Imports, returning how many files were stored.
    @discardableResult
    public static func run(_ path: String, challenge slug: String, store: any ArbiterStore, now: Date) throws -> Int {
        let challenge = try store.challenge(slug)
        let phases = challenge.spec.phases.compactMap { phase in phase.container.map { (phase, $0) } }
        guard !phases.isEmpty else {
            throw Problems(problems: [Problem(file: path, message: "challenge \"\(slug)\" has no container phase to take inputs")])
        }
        var interfaces: [String: ContainerInterface] = [:]
        for (_, container) in phases { for input in container.inputs { interfaces[input.slug] = input } }
        let source = try InputSource(path)
        let known = Set(try store.caseIDs(challenge: challenge, splits: [.public, .private]))
        var problems: [Problem] = []
        var found: [(caseID: String, interface: ContainerInterface, file: String, shown: String)] = []
        for relative in source.files {
            let parts = relative.split(separator: "/").map(String.init)
            guard parts.count == 2 else {
                problems.append(Problem(file: relative, message: "expected <case_id>/<interface><extension>, such as 10001/transverse-t2-prostate-mri.mha"))
                continue
            }
            let (caseID, name) = (parts[0], parts[1])
            let ext = FileExtension.of(name)
            let stem = String(name.dropLast(ext.count))
            guard known.contains(caseID) else {
                problems.append(Problem(file: relative, message: "case \"\(caseID)\" is not in the challenge's truth"))
                continue
            }
            guard let interface = interfaces[stem] else {
                problems.append(Problem(file: relative, message: "\"\(stem)\" is not an input of any container phase; expected one of \(interfaces.keys.sorted().joined(separator: ", "))"))
                continue
            }
            if let problem = check(source.root + "/" + relative, shown: relative, extension: ext, kind: interface.kind) {
                problems.append(problem)
                continue
            }
            if found.contains(where: { $0.caseID == caseID && $0.interface.slug == stem }) {
                problems.append(Problem(file: relative, message: "a second file for case \"\(caseID)\" and input \"\(stem)\""))
                continue
            }
            found.append((caseID, interface, source.root + "/" + relative, relative))
        }
        for (phase, container) in phases {
            for caseID in try store.caseIDs(challenge: challenge, splits: phase.cases) {
                for input in container.inputs where !found.contains(where: { $0.caseID == caseID && $0.interface.slug == input.slug }) {
                    problems.append(Problem(file: caseID + "/", message: "no \"\(input.slug)\" input for this case of phase \(phase.slug)"))
                }
            }
        }
        guard problems.isEmpty else { throw Problems(problems: problems) }
        // Streamed into the blob store: an input volume or slide can be gigabytes.
        let stored = try found.map { entry in
            let file = try UploadedFile.copying(entry.file, into: store.blobs)
            try store.blobs.adopt(file.url, digest: file.sha256)
            return StoredCaseInput(caseID: entry.caseID, interface: entry.interface.slug,
                                   fileName: String(entry.shown.split(separator: "/").last ?? ""), sha256: file.sha256, byteCount: file.byteCount)
        }
        try store.importCaseInputs(stored, challenge: slug, now: now)
        return stored.count
    }

    private static func check(_ path: String, shown: String, extension ext: String, kind: ContainerInterface.Kind) -> Problem? {
        switch kind {
        case .image:
            guard imageExtensions.contains(ext.lowercased()) else {
                return Problem(file: shown, message: "an image input must be one of \(imageExtensions.joined(separator: " ")), got \"\(ext)\"")
            }
            return nil
        case .value:
            guard ext.lowercased() == ".json" else { return Problem(file: shown, message: "a value input is a .json file, got \"\(ext)\"") }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maxValueBytes else { return Problem(file: shown, message: "\(size) bytes; a value input is at most \(maxValueBytes)") }
            guard let data = FileManager.default.contents(atPath: path),
                  (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
            else { return Problem(file: shown, message: "not valid JSON") }
            return nil
        }
    }

    /// The files of a folder, or of an archive unpacked (within the archive budget) to a private folder.
    private struct InputSource {
        let root: String
        let files: [String]
        private let unpacked: TemporaryFolder?

        init(_ path: String) throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw Problems(problems: [Problem(file: path, message: "no such file or folder")])
            }
            if isFolder.boolValue {
                unpacked = nil
                root = path
            } else {
                let folder = try CaseFiles.unpack(path, displayName: path, budget: ArchiveBudget(maximumTotalBytes: 64 << 30, maximumEntryBytes: 8 << 30, maximumEntries: 200_000), scratch: nil)
                unpacked = folder
                root = folder.path
            }
            files = try OutputGathering.regularFiles(in: root).filter { !$0.hasPrefix(".") && !$0.contains("/.") }
        }
    }
}
