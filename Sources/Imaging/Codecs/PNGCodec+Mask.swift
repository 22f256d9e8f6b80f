import Compression
import Geometry

extension PNGCodec {
    /// The non-zero pixels of a grey PNG mask (lesion = non-zero), as runs along its rows.
    ///
    /// A mask written with no row filter is mostly zero bytes, inflated here without writing them out
    /// (`Deflate.inflateZlibSparse`): its runs come straight from the few non-zero stretches. Any other PNG
    /// (filtered rows, colour, other chunks) is decoded whole first.
    public static func decodeMask(_ data: [UInt8]) throws(Failure) -> RunLengthMask {
        if let runs = data.withUnsafeBytes(unfilteredGreyRuns) { return runs }
        let image = try decode(data, channels: 1)
        return RunLengthMask(image.pixels.map { $0 != 0 }, width: image.width, height: image.height)
    }

    /// The runs of a plain grey PNG whose rows all have filter type 0 (none); nil otherwise or on any problem.
    static func unfilteredGreyRuns(_ data: UnsafeRawBufferPointer) -> RunLengthMask? {
        guard let plain = plainGreyStream(data) else { return nil }
        let stride = plain.width + 1
        let (total, overflow) = stride.multipliedReportingOverflow(by: plain.height)
        // Past the pixel limit, the libpng path refuses the image from its header with a message.
        guard !overflow, total - plain.height <= defaultMaximumPixels else { return nil }
        guard let filtered = plain.compressed.withUnsafeBytes({ try? Deflate.inflateZlibSparse($0, declaredSize: total) }) else { return nil }
        var rows: [(row: Int, start: Int, end: Int)] = []
        var failed = false
        filtered.forEachStretch(in: 0..<total) { start, bytes in
            bytes.withUnsafeBytes { bytes in
                // Row by row: a non-zero filter byte means a filter other than none; pixels are scanned for
                // runs, skipping zeros eight at a time (copies of earlier rows bring many into the stretches).
                var offset = start
                while offset < start + bytes.count {
                    let (row, column) = offset.quotientAndRemainder(dividingBy: stride)
                    // `bytes[base + c]` is byte c of this row (c = 0 its filter type, c = x + 1 pixel x).
                    let base = row * stride - start
                    let end = min(start + bytes.count, (row + 1) * stride) - row * stride
                    if column == 0, bytes[base] != 0 { failed = true }
                    var c = max(column, 1)
                    while c < end {
                        if c + 8 <= end, bytes.loadUnaligned(fromByteOffset: base + c, as: UInt64.self) == 0 {
                            c += 8
                        } else if bytes[base + c] == 0 {
                            c += 1
                        } else {
                            let first = c
                            while c < end, bytes[base + c] != 0 { c += 1 }
                            if let last = rows.last, last.row == row, last.end == first - 1 {
                                rows[rows.count - 1].end = c - 1
                            } else {
                                rows.append((row, first - 1, c - 1))
                            }
                        }
                    }
                    offset = row * stride + end
                }
            }
        }
        return failed ? nil : RunLengthMask(width: plain.width, height: plain.height, rowRuns: rows)
    }
}
