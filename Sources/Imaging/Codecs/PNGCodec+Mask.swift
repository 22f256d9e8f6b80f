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
        guard !overflow else { return nil }
        guard let filtered = plain.compressed.withUnsafeBytes({ try? Deflate.inflateZlibSparse($0, declaredSize: total) }) else { return nil }
        var rows: [(row: Int, start: Int, end: Int)] = []
        var failed = false
        filtered.forEachStretch(in: 0..<total) { start, bytes in
            var (row, column) = start.quotientAndRemainder(dividingBy: stride)
            for byte in bytes {
                if byte != 0 {
                    // A non-zero byte at the start of a row is a filter type other than none.
                    if column == 0 { failed = true }
                    if let last = rows.last, last.row == row, last.end == column - 1 {
                        rows[rows.count - 1].end = column
                    } else {
                        rows.append((row, column - 1, column))
                    }
                }
                column += 1
                if column == stride { (row, column) = (row + 1, 0) }
            }
        }
        return failed ? nil : RunLengthMask(width: plain.width, height: plain.height, rowRuns: rows)
    }
}
