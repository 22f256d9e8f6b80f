import Challenge
import Foundation
import Store

/// Lays out a phase's hidden per-case inputs for a container, copied from the blob store into the run's private
/// workspace (files 0444, folders 0555: readable by the container's unprivileged user, writable by nobody; the folder
/// is bind-mounted read-only at `/input`). Only the phase's cases are there, and never their truth or split.
struct RunInputs {
    let blobs: any BlobStore
    /// Case id to its inputs, in the phase's case order.
    let cases: [(caseID: String, inputs: [StoredCaseInput])]

    init(blobs: any BlobStore, caseIDs: [String], inputs: [StoredCaseInput]) {
        self.blobs = blobs
        let byCase = Dictionary(grouping: inputs, by: \.caseID)
        cases = caseIDs.map { ($0, byCase[$0] ?? []) }
    }

    /// grand-challenge's algorithm layout for one case: `images/<slug>/<case><ext>` and `<slug>.json`.
    func stagePerCase(_ index: Int, interfaces: [ContainerInterface], into folder: String) throws {
        try makeFolder(folder)
        let (caseID, inputs) = cases[index]
        for interface in interfaces {
            guard let input = inputs.first(where: { $0.interface == interface.slug }) else { continue }
            switch interface.kind {
            case .image:
                let images = folder + "/images/" + interface.slug
                try makeFolder(folder + "/images")
                try makeFolder(images)
                try copy(input, to: images + "/" + caseID + FileExtension.of(input.fileName))
            case .value:
                try copy(input, to: folder + "/" + interface.slug + ".json")
            }
        }
        try RunFolders.makeReadable(folder)
    }

    /// TissueNet's layout for one run over every case: `<case_id>/<slug><ext>` and the manifest `cases.csv`.
    func stageWholeSet(into folder: String) throws {
        try makeFolder(folder)
        for (caseID, inputs) in cases {
            let caseFolder = folder + "/" + caseID
            try makeFolder(caseFolder)
            for input in inputs {
                try copy(input, to: caseFolder + "/" + input.interface + FileExtension.of(input.fileName))
            }
        }
        let manifest = (["case_id"] + cases.map(\.caseID)).joined(separator: "\n") + "\n"
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: folder + "/cases.csv"))
        try RunFolders.makeReadable(folder)
    }

    private func copy(_ input: StoredCaseInput, to path: String) throws {
        try FileManager.default.copyItem(at: try blobs.verifiedFile(input.sha256), to: URL(fileURLWithPath: path))
    }

    private func makeFolder(_ path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
    }
}

/// A file name's extension as a container expects it, the compound `.nii.gz` included.
enum FileExtension {
    static func of(_ name: String) -> String {
        let lower = name.lowercased()
        for compound in [".nii.gz", ".tar.gz"] where lower.hasSuffix(compound) { return compound }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[dot...])
    }
}
