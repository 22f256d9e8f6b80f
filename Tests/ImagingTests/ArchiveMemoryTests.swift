import Foundation
import Imaging
import Testing

/// Unpacking a file takes memory independent of its size: a 300 MB tar (a sparse file, so it costs no disk) is
/// read a chunk at a time, never whole.
@Suite struct ArchiveMemoryTests {
    /// Counts what it is given and keeps nothing.
    struct Discarding: ArchiveMemberSink {
        var members = 0
        var bytes = 0
        mutating func begin(_ path: String) throws { members += 1 }
        mutating func write(_ chunk: UnsafeRawBufferPointer) throws { bytes += chunk.count }
        mutating func end() throws {}
    }

    /// A field of /proc/self/status in kB (VmHWM: peak resident memory; VmRSS: resident now).
    static func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return line.flatMap { Int($0.dropFirst(field.count + 1).split(whereSeparator: \.isWhitespace).first ?? "") }
    }

    /// A tar of one member of `size` zero bytes, written as a header and then a hole.
    static func sparseTar(size: Int, in scratch: ScratchFolder) throws -> String {
        let path = try scratch.write(TarBuilder.header("c01.nii.gz", size: size), to: "big.tar")
        guard truncate(path, off_t(512 + (size + 511) / 512 * 512 + 1024)) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    @Test(.enabled(if: status("VmHWM") != nil, "needs Linux's /proc/self/status"))
    func unpackingA300MegabyteTarGrowsPeakMemoryByUnder100Megabytes() throws {
        let scratch = try ScratchFolder()
        let size = 300 << 20
        let path = try Self.sparseTar(size: size, in: scratch)
        // Reset the peak to what is resident now (Linux ≥ 4.0), so earlier tests' peaks cannot hide this one's.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let baseline = try #require(Self.status("VmHWM"))
        var sink = Discarding()
        try Archive.unpack(file: path, name: "big.tar", budget: ArchiveBudget(maximumTotalBytes: 1 << 30, maximumEntryBytes: 512 << 20), into: &sink)
        let peak = try #require(Self.status("VmHWM"))
        #expect(sink.members == 1)
        #expect(sink.bytes == size)
        #expect(peak - baseline < 100 << 10, "peak resident memory grew by \(peak - baseline) kB unpacking a \(size >> 20) MB tar")
    }
}
