import Challenge
import Foundation

extension ArbiterStore {
    /// Imports lesion or segmentation truth: each case's file into the blob store, then the cases and which blob holds
    /// which case, in one transaction (`importTruth`). The truth version is the digest of the file digests. The same on
    /// every adapter, so it is written once, in the protocols' terms.
    @discardableResult
    public func importLesionTruth(_ files: [LesionTruthFile], challenge slug: String, now: Date) throws -> String {
        var stored: [String: (sha256: String, fileName: String)] = [:]
        for file in files { stored[file.caseID] = (try blobs.put(file.bytes), file.fileName) }
        let manifest = files.map { "\($0.caseID)\t\($0.split.rawValue)\t\(stored[$0.caseID]!.sha256)\n" }.joined()
        let version = ContentDigest.sha256(Array(manifest.utf8))
        let truth = GroundTruth(cases: files.map { TruthCase(id: $0.caseID, label: 0, split: $0.split) })
        try importTruth(truth, challenge: slug, fileSHA256: version, now: now, files: stored)
        return version
    }
}
