import Evaluation
import Foundation

/// A team's code for a phase with a runtime image (TissueNet's `submission.zip`): a zip whose files the runner mounts
/// read-only at `/code`. Checked at upload by listing it within the archive budget, so a package that cannot be
/// unpacked is refused before it is stored.
public enum CodePackage {
    /// What a package may expand to: checked at upload, and again when a runner unpacks it.
    public static let budget = ArchiveBudget(maximumTotalBytes: 2 << 30, maximumEntryBytes: 1 << 30, maximumEntries: 20_000)

    static func check(_ content: SubmissionContent, fileName: String) throws {
        var counter = MemberCounter()
        switch content {
        case .bytes(let bytes):
            counter.members = try Archive.entries(bytes, name: fileName, budget: budget).count
        case .file(let file):
            try Archive.unpack(file: file.url.path, name: fileName, budget: budget, into: &counter)
        }
        guard counter.members > 0 else { throw ArchiveError(archive: fileName, "the code package holds no files") }
    }

    /// Counts members as they pass, keeping none of their bytes.
    private struct MemberCounter: ArchiveMemberSink {
        var members = 0
        mutating func begin(_ path: String) { members += 1 }
        mutating func write(_ chunk: UnsafeRawBufferPointer) {}
        mutating func end() {}
    }
}
