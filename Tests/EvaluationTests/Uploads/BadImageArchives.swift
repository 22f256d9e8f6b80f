import TestSupport

/// Broken container image archives crafted in code, kept under `Fixtures/bad/` as fuzz seeds (written there by
/// running the tests with `ARBITER_WRITE_BAD_FIXTURES=1`), each with the words its error must contain.
enum BadImageArchives {
    typealias Builder = ImageArchiveBuilder

    static var all: [BadArchives.Case] {
        [
            .init(name: "image-truncated-in-layer.tar", bytes: truncatedInLayer,
                  error: "truncated: the archive ends inside member \"\(Builder.hex(Builder.layer)).tar\""),
            .init(name: "image-without-manifest.tar", bytes: Builder.tar([("truth.csv", Array("case_id,label\nc01,1\n".utf8))]),
                  error: "not a container image archive: neither manifest.json (docker save) nor index.json (OCI) is in it"),
            .init(name: "image-manifest-declares-50MiB.tar", bytes: TarBuilder.header("manifest.json", size: 50 << 20) + Array("[{\"Config\":".utf8),
                  error: "byte 0: manifest.json is 50 MiB, over the 1 MiB budget for an image document"),
        ]
    }

    /// A docker archive cut 1000 bytes into its layer's data.
    static var truncatedInLayer: [UInt8] {
        Array(Builder.tar(Builder.docker()).prefix(512 + 1000))
    }

    static var folder: String { BadArchives.folder }
}
