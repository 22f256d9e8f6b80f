/// The rows one row of tiles is cut from (`firstRow ..< firstRow + height`), possibly spread over several
/// `PixelRows`, which it keeps alive until its tiles are written.
struct PixelBand: Sendable {
    let pieces: [PixelRows]
    let firstRow: Int
    let height: Int

    init(pieces: [PixelRows], firstRow: Int, height: Int) {
        precondition(!pieces.isEmpty && pieces[0].firstRow <= firstRow
                     && pieces[pieces.count - 1].firstRow + pieces[pieces.count - 1].height >= firstRow + height, "pieces do not cover the band")
        self.pieces = pieces
        self.firstRow = firstRow
        self.height = height
    }

    /// A band of exactly these rows.
    init(_ rows: PixelRows) {
        self.init(pieces: [rows], firstRow: rows.firstRow, height: rows.height)
    }

    var width: Int { pieces[0].width }

    /// Pointers to pixel `x` of rows `y ..< y + count`.
    func rowPointers(x: Int, y: Int, count: Int) -> [UnsafeRawPointer] {
        precondition(y >= firstRow && y + count <= firstRow + height && x >= 0 && x < width, "outside the band")
        var result: [UnsafeRawPointer] = []
        result.reserveCapacity(count)
        var piece = 0
        for row in y..<(y + count) {
            while pieces[piece].firstRow + pieces[piece].height <= row { piece += 1 }
            result.append(UnsafeRawPointer(pieces[piece].row(row) + x * 4))
        }
        return result
    }

    /// Copies rectangle (`x`, `y`, `width`, `height`) as `channels` bytes per pixel (3 RGB or 4 RGBA).
    func copy(x: Int, y: Int, width: Int, height: Int, channels: Int) -> [UInt8] {
        let rows = rowPointers(x: x, y: y, count: height)
        return [UInt8](unsafeUninitializedCapacity: width * height * channels) { output, initialized in
            for (index, row) in rows.enumerated() {
                let source = row.assumingMemoryBound(to: UInt8.self)
                for column in 0..<width {
                    for channel in 0..<channels { output[(index * width + column) * channels + channel] = source[column * 4 + channel] }
                }
            }
            initialized = width * height * channels
        }
    }
}
