import Compression
import Evaluation

/// `image`: `ContainerImageArchive.inspect(bytes:)` on container image archives (docker-archive, oci-archive; tar
/// and tar.gz) with a small budget, so every limit can be crossed. A plain tar is also gzipped and inspected again;
/// **cross-check**: both give the same summary, or both are refused.
let imageTarget = FuzzTarget(name: "image", covers: "ContainerImageArchive.inspect on docker and OCI image archives (small budget)") { input in
    let bytes = [UInt8](input)
    let plain = ImageFuzzing.inspect(bytes)
    guard bytes.count >= 2, bytes[0] != 0x1F || bytes[1] != 0x8B else { return }
    let compressed = Deflate.gzip(bytes, level: 1)
    let gzipped = ImageFuzzing.inspect(compressed)
    // Past the archive limit only one of the two is refused for its size: nothing to compare.
    if plain != gzipped, max(bytes.count, compressed.count) <= ImageFuzzing.budget.maxArchiveBytes {
        crossCheckFailed("the tar gave \(plain.map { "\($0)" } ?? "a refusal") but the same tar gzipped gave \(gzipped.map { "\($0)" } ?? "a refusal")")
    }
}

enum ImageFuzzing {
    /// Small enough for a mutated header or document to cross each limit.
    static let budget = ContainerImageBudget(maxArchiveBytes: 1 << 20, maxEntries: 64, maxDocumentBytes: 4096, maxLayers: 8)

    static func inspect(_ bytes: [UInt8]) -> ContainerImageSummary? {
        try? ContainerImageArchive.inspect(bytes: bytes, displayName: "image.tar", budget: budget)
    }
}
