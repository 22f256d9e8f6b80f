import Compression
import Imaging

/// `deflate`: the hand-written sparse inflater (`Deflate.gunzipSparse`, `Deflate.inflateZlibSparse`) and the
/// libdeflate/zlib paths (`gunzip`, `inflateZlib`, `inflateRaw`, `gunzipUpTo`, `peek`) on the same bytes.
///
/// The declared size is what zlib finds the stream expands to (so well-formed streams reach the end checks), or
/// the gzip trailer's length when zlib gives up. Besides "worked or threw", the sparse inflater must agree with
/// zlib whenever both accept a stream: a difference is a finding (`crossCheckFailed`).
let deflateTarget = FuzzTarget(name: "deflate", covers: "SparseInflater (gunzipSparse, inflateZlibSparse) against libdeflate and zlib") { input in
    let bytes = [UInt8](input)
    let largest = DeflateFuzzing.largestOutput(for: bytes.count)
    let reference = try? Deflate.peek(bytes, count: largest)
    let declared = reference?.count ?? min(DeflateFuzzing.trailerLength(bytes), largest)
    let sparseGzip = try? Deflate.gunzipSparse(input, declaredSize: declared)
    let sparseZlib = try? Deflate.inflateZlibSparse(input, declaredSize: declared)
    _ = try? Deflate.gunzip(input, declaredSize: declared)
    _ = try? Deflate.inflateZlib(bytes, declaredSize: declared)
    _ = try? Deflate.gunzipUpTo(bytes, limit: largest)
    _ = try? Deflate.inflateRaw(bytes[...], declaredSize: min(bytes.count * 4, largest))
    guard let reference, reference.count == declared else { return }
    for (name, sparse) in [("gunzipSparse", sparseGzip), ("inflateZlibSparse", sparseZlib)] {
        guard let sparse else { continue }
        if sparse.count != reference.count || sparse.dense() != reference {
            crossCheckFailed("\(name) accepted the stream but expanded it to \(sparse.count) bytes unlike zlib's \(reference.count)")
        }
    }
}

enum DeflateFuzzing {
    /// The most one call may expand `count` input bytes to: DEFLATE's 1032:1 and a little, at most 8 MiB (well
    /// under `-rss_limit_mb`). Sized by the input so small inputs do not pay for an 8 MiB buffer each.
    static func largestOutput(for count: Int) -> Int {
        min(count * Deflate.maximumExpansionRatio + 1024, 8 << 20)
    }

    /// The length a gzip trailer declares (its last four bytes).
    static func trailerLength(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 4 else { return 0 }
        return bytes.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
