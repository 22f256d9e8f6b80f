@testable import Evaluation
import Testing

/// The inspector reads an archive once and leaves layers unread: a plain tar's layer bytes are never fetched.
@Suite struct ContainerImageStreamingTests {
    /// An archive in memory that counts the bytes asked of it (a class: the inspector copies its input).
    final class CountingInput: ArchiveInput {
        let bytes: [UInt8]
        private(set) var bytesRead = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var count: Int { bytes.count }

        func read(at offset: Int, count: Int) throws(ArchiveError) -> [UInt8] {
            let read = try MemoryArchiveInput(bytes: bytes).read(at: offset, count: count)
            bytesRead += read.count
            return read
        }
    }

    /// Layers over `maxDocumentBytes` (smaller blobs may be documents, so an OCI archive's are kept while the buffer allows).
    @Test func leavesTheLayersOfAPlainTarUnread() throws {
        let budget = ContainerImageBudget(maxArchiveBytes: 1 << 30, maxDocumentBytes: 64 << 10)
        let layer = TarBuilder.member("data.bin", [UInt8](repeating: 9, count: 256 << 10)) + TarBuilder.end
        for members in [ImageArchiveBuilder.docker(layers: [layer]), ImageArchiveBuilder.oci(layers: [layer])] {
            let input = CountingInput(ImageArchiveBuilder.tar(members))
            let summary = try ContainerImageArchive.inspect(input, file: "image.tar", budget: budget)
            #expect(summary.layerBytes == Int64(layer.count))
            #expect(input.bytesRead < 16 << 10, "read \(input.bytesRead) of \(input.count) bytes")
        }
    }
}
