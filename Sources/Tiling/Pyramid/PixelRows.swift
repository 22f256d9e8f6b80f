import Foundation
import Synchronization

/// Rows `firstRow ..< firstRow + height` of one level (or one tile), `width` pixels of opaque RGBA each, in memory
/// that never moves, so encoding tasks read rows in place by pointer. Memory comes from a `PixelMemory` when given
/// (strips of one size, reused instead of faulted in afresh), else from malloc.
final class PixelRows: @unchecked Sendable {
    // Safe to share: the bytes are written only while the rows are being made (by the tasks reading a strip, each
    // into its own columns, all finished before the rows are handed on) and only read afterwards.
    let firstRow: Int
    let width: Int
    let height: Int
    let base: UnsafeMutableRawPointer
    private let memory: PixelMemory?

    init(firstRow: Int, width: Int, height: Int, memory: PixelMemory? = nil) {
        self.firstRow = firstRow
        self.width = width
        self.height = height
        self.memory = memory
        base = memory?.take(byteCount: max(1, width * height * 4)) ?? .allocate(byteCount: max(1, width * height * 4), alignment: 64)
    }

    /// Rows holding a copy of `pixels` (`width * height * 4` bytes).
    convenience init(firstRow: Int, width: Int, height: Int, copying pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "\(pixels.count) bytes for \(width) x \(height) RGBA")
        self.init(firstRow: firstRow, width: width, height: height)
        pixels.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    }

    deinit {
        if let memory { memory.give(base, byteCount: max(1, width * height * 4)) } else { base.deallocate() }
    }

    var rowBytes: Int { width * 4 }
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: width * height * 4) }

    /// Start of level row `y`.
    func row(_ y: Int) -> UnsafeMutableRawPointer {
        precondition(y >= firstRow && y < firstRow + height, "row \(y) outside \(firstRow)..<\(firstRow + height)")
        return base + (y - firstRow) * rowBytes
    }
}

/// Strip buffers of one run, kept for reuse when released (up to `keep` of them): a pyramid reads hundreds of
/// equal strips, and mapping each afresh costs a page fault and a zeroed page per 4 KiB. Buffers are mapped
/// (`mmap`), so what is not kept goes straight back to the system.
final class PixelMemory: Sendable {
    // Addresses are kept as integers: the buffers they name belong to no one while they wait here.
    private let spare = Mutex<[(address: UInt, byteCount: Int)]>([])
    private let keep: Int

    init(keep: Int = 6) {
        self.keep = keep
    }

    deinit {
        spare.withLock { buffers in for buffer in buffers { munmap(UnsafeMutableRawPointer(bitPattern: buffer.address), buffer.byteCount) } }
    }

    func take(byteCount: Int) -> UnsafeMutableRawPointer {
        let reused = spare.withLock { buffers -> UInt? in
            guard let index = buffers.firstIndex(where: { $0.byteCount == byteCount }) else { return nil }
            return buffers.remove(at: index).address
        }
        if let reused, let base = UnsafeMutableRawPointer(bitPattern: reused) { return base }
        guard let mapped = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), mapped != MAP_FAILED else {
            preconditionFailure("cannot map \(byteCount) bytes for pixels: out of memory")
        }
        return mapped
    }

    /// Keeps the buffer for reuse, letting go of the oldest kept one past `keep`.
    func give(_ base: UnsafeMutableRawPointer, byteCount: Int) {
        let address = UInt(bitPattern: base)
        let evicted = spare.withLock { buffers -> (address: UInt, byteCount: Int)? in
            buffers.append((address, byteCount))
            return buffers.count > keep ? buffers.removeFirst() : nil
        }
        if let evicted { munmap(UnsafeMutableRawPointer(bitPattern: evicted.address), evicted.byteCount) }
    }
}
