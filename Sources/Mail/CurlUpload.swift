import Synchronization

/// The rendered message libcurl reads for `DATA`, and the flag a cancelled task raises to stop the transfer. libcurl's
/// read and progress callbacks reach it through the `void *` context they are given (see `CurlTransfer`); both run on
/// the transfer's thread, while `cancel()` comes from whichever thread cancels the task, hence the locks.
final class CurlUpload: Sendable {
    private let bytes: [UInt8]
    private let offset = Mutex(0)
    private let cancelled = Atomic(false)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The number of bytes in the whole upload.
    var count: Int { bytes.count }

    /// Whether `cancel()` has been called.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Asks the transfer to stop at libcurl's next callback.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
    }

    /// Copies the next bytes into `buffer` and returns how many; 0 at the end, which tells libcurl the upload is done.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        offset.withLock { offset in
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
            }
            offset += count
            return count
        }
    }
}
