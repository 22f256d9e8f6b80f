import CZlib

/// zlib's inflate state, stepped by the caller a buffer at a time: what lets a reader expand a stream of any size in
/// bounded memory (zip members, gzip-compressed tars) without importing zlib itself. A class so the `z_stream` stays
/// at one address (zlib checks that) and is ended exactly once.
public final class InflateStream {
    /// Which framing the compressed bytes carry.
    public enum Framing: Sendable {
        /// Bare DEFLATE (a zip member's data).
        case raw
        /// gzip or zlib, detected from the header.
        case gzipOrZlib
    }

    /// What one step ended with.
    public enum Status: Sendable, Equatable {
        /// More input or more output room is needed.
        case progressing
        /// The (current member of the) stream ended.
        case streamEnd
        /// Nothing could be done with the input and room given: the stream is cut off.
        case stalled
        /// zlib refused the data, with its reason.
        case damaged(String)
    }

    private let stream: UnsafeMutablePointer<z_stream>

    public init(_ framing: Framing) throws(DecompressionFailure) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let started = framing == .raw ? arbiter_inflate_init_raw(stream) : arbiter_inflate_init_any(stream)
        guard started == Z_OK else {
            stream.deallocate()
            throw .corrupt(atInputByte: nil, reason: "zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Expands from `input` into `output`; returns the status and how many bytes were consumed and produced.
    public func step(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        -> (status: Status, consumed: Int, produced: Int)
    {
        let inputCount = min(input.count, Int(UInt32.max))
        let outputCount = min(output.count, 1 << 30)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(inputCount)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(outputCount)
        let code = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = inputCount - Int(stream.pointee.avail_in)
        let produced = outputCount - Int(stream.pointee.avail_out)
        let status: Status
        switch code {
        case Z_OK: status = .progressing
        case Z_STREAM_END: status = .streamEnd
        case Z_BUF_ERROR where consumed == 0 && produced == 0: status = .stalled
        case Z_BUF_ERROR: status = .progressing
        default: status = .damaged(stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(code)")
        }
        return (status, consumed, produced)
    }

    /// Starts over for the next member of a multi-member gzip stream.
    public func reset() {
        inflateReset(stream)
    }
}

/// zlib's CRC-32, updated a chunk at a time.
public struct CRC32: Sendable {
    public private(set) var value: UInt32 = 0

    public init() {}

    public mutating func update(_ chunk: UnsafeRawBufferPointer) {
        value = UInt32(truncatingIfNeeded: CZlib.crc32(UInt(value), chunk.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(chunk.count)))
    }
}
