import Foundation
import TestSupport
import Testing

/// `arbiter doctor` reports whether the blob folder can hold blobs, and fails the run when it cannot.
@Suite struct DoctorCommandTests {
    @Test func reportsAWritableBlobFolderWithAtomicRename() async throws {
        let data = try ScratchFolder()
        let run = try await ArbiterBinary.run(["doctor", "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("blobs          \(data.path)/blobs: writable, atomic rename"), "\(run.stdout)")
    }

    @Test func failsNamingThePathWhenTheBlobFolderIsARegularFile() async throws {
        let data = try ScratchFolder()
        _ = try data.write([1], to: "blobs")
        let run = try await ArbiterBinary.run(["doctor", "--data-dir", data.path])
        #expect(run.status != 0)
        #expect(run.stdout.contains("\(data.path)/blobs: FAILED"), "\(run.stdout)")
        #expect(run.stderr.contains("create folder failed on \(data.path)/blobs: Not a directory (errno 20)"), "\(run.stderr)")
    }
}
