import Compression
import Evaluation
import Foundation
import Imaging
import Testing
import TestSupport

/// Unpacking a file takes memory independent of its size: a 300 MB member of a tar (a sparse file, so it costs no
/// disk), a tar.gz and a zip is read and expanded a chunk at a time, never whole. Peak resident memory is measured
/// (not time); the tests run one at a time since each resets the process's peak.
@Suite(.serialized) struct ArchiveMemoryTests {
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

    static let size = 300 << 20
    static let budget = ArchiveBudget(maximumTotalBytes: 1 << 30, maximumEntryBytes: 512 << 20)

    /// A tar.gz of one member of `size` zero bytes, as gzip members back to back (one per MiB), never held whole.
    static func gzippedTar(size: Int, in scratch: ScratchFolder) throws -> String {
        let mebibyte = Deflate.gzip([UInt8](repeating: 0, count: 1 << 20))
        let path = try scratch.write(Deflate.gzip(TarBuilder.header("c01.nii.gz", size: size)), to: "big.tar.gz")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        for _ in 0..<(size >> 20) { try handle.write(contentsOf: mebibyte) }
        try handle.write(contentsOf: Deflate.gzip(TarBuilder.end))
        return path
    }

    /// A zip of one deflated member of `size` zero bytes (built from a buffer freed before the peak is reset).
    static func deflatedZip(size: Int, in scratch: ScratchFolder) throws -> String {
        var builder = ZipBuilder()
        let zeros = [UInt8](repeating: 0, count: size)
        builder.add("c01.nii.gz", Array(Deflate.zlib(zeros, level: 1).dropFirst(2).dropLast(4))) {
            $0.method = 8
            $0.size = UInt32(size)
            $0.crc = Deflate.crc32(zeros)
        }
        return try scratch.write(builder.bytes, to: "big.zip")
    }

    /// Peak resident memory growth (kB) while unpacking `path` into a sink that keeps nothing.
    static func peakGrowth(unpacking path: String, name: String) throws -> Int {
        // Reset the peak to what is resident now (Linux ≥ 4.0), so earlier tests' peaks cannot hide this one's.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let baseline = try #require(status("VmHWM"))
        var sink = Discarding()
        try Archive.unpack(file: path, name: name, budget: budget, into: &sink)
        let peak = try #require(status("VmHWM"))
        #expect(sink.members == 1)
        #expect(sink.bytes == size)
        return peak - baseline
    }

    @Test(.enabled(if: status("VmHWM") != nil, "needs Linux's /proc/self/status"), arguments: ["big.tar", "big.tar.gz", "big.zip"])
    func unpackingA300MegabyteMemberGrowsPeakMemoryByUnder100Megabytes(name: String) throws {
        let scratch = try ScratchFolder()
        let path = switch name {
        case "big.tar": try Self.sparseTar(size: Self.size, in: scratch)
        case "big.tar.gz": try Self.gzippedTar(size: Self.size, in: scratch)
        default: try Self.deflatedZip(size: Self.size, in: scratch)
        }
        let growth = try Self.peakGrowth(unpacking: path, name: name)
        #expect(growth < 100 << 10, "peak resident memory grew by \(growth) kB unpacking \(name) (\(Self.size >> 20) MB expanded)")
    }
}
