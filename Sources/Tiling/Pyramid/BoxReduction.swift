/// Halves a level by averaging 2 x 2 blocks, rows streaming in (as `vips dzsave` builds its pyramid): how Arbiter
/// makes Deep Zoom levels far from every slide level, and all levels that are not slide levels with `--resampling box`. An odd last column or row is averaged with itself,
/// so the child is ceil(width / 2) x ceil(height / 2), Deep Zoom's level size.
struct BoxReduction {
    let parentWidth: Int
    let parentHeight: Int
    private var pendingRow: [UInt8]?
    private var parentRowsSeen = 0

    init(parentWidth: Int, parentHeight: Int) {
        self.parentWidth = parentWidth
        self.parentHeight = parentHeight
    }

    var childWidth: Int { (parentWidth + 1) / 2 }

    /// Takes the parent's next `count` rows (RGBA) and returns the child rows they complete.
    mutating func reduce(_ rows: UnsafeRawBufferPointer, count: Int) -> (pixels: [UInt8], rows: Int) {
        let rowBytes = parentWidth * 4
        var output: [UInt8] = []
        var produced = 0
        var index = 0
        parentRowsSeen += count
        output.reserveCapacity(((count + 1) / 2 + 1) * childWidth * 4)
        if let pending = pendingRow, count > 0 {
            pending.withUnsafeBytes { top in Self.average(top, UnsafeRawBufferPointer(rebasing: rows[0..<rowBytes]), width: parentWidth, into: &output) }
            pendingRow = nil
            produced += 1
            index = 1
        }
        while index + 1 < count {
            let top = UnsafeRawBufferPointer(rebasing: rows[(index * rowBytes)..<((index + 1) * rowBytes)])
            let bottom = UnsafeRawBufferPointer(rebasing: rows[((index + 1) * rowBytes)..<((index + 2) * rowBytes)])
            Self.average(top, bottom, width: parentWidth, into: &output)
            produced += 1
            index += 2
        }
        if index < count {
            let last = UnsafeRawBufferPointer(rebasing: rows[(index * rowBytes)..<((index + 1) * rowBytes)])
            if parentRowsSeen == parentHeight {
                Self.average(last, last, width: parentWidth, into: &output)
                produced += 1
            } else {
                pendingRow = Array(last)
            }
        }
        return (output, produced)
    }

    /// Appends one child row: each pixel the rounded mean of a 2 x 2 block of `top` and `bottom`.
    private static func average(_ top: UnsafeRawBufferPointer, _ bottom: UnsafeRawBufferPointer, width: Int, into output: inout [UInt8]) {
        let childWidth = (width + 1) / 2
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: childWidth * 4))
        output.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress! + start
            let a = top.bindMemory(to: UInt8.self).baseAddress!, b = bottom.bindMemory(to: UInt8.self).baseAddress!
            let pairs = width / 2
            for x in 0..<pairs {
                let i = x * 8
                for c in 0..<4 {
                    let sum = UInt16(a[i + c]) &+ UInt16(a[i + c + 4]) &+ UInt16(b[i + c]) &+ UInt16(b[i + c + 4]) &+ 2
                    out[x * 4 + c] = UInt8(truncatingIfNeeded: sum >> 2)
                }
            }
            if width % 2 == 1 {
                let i = (width - 1) * 4
                for c in 0..<4 {
                    let sum = 2 &* UInt16(a[i + c]) &+ 2 &* UInt16(b[i + c]) &+ 2
                    out[pairs * 4 + c] = UInt8(truncatingIfNeeded: sum >> 2)
                }
            }
        }
    }
}
