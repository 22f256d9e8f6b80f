import Synchronization

/// libtiff handles for one slide file, lent to one task at a time and returned after use. Handles are opened
/// on demand, so the pool grows to the number of tasks that read through libtiff at once.
final class TIFFHandlePool: Sendable {
    let path: String
    private let idle = Mutex<[UnsafeTIFFHandle]>([])
    /// Handles kept after use; more are closed when returned.
    private let keep: Int

    init(path: String, keep: Int = 8) {
        self.path = path
        self.keep = keep
    }

    /// Runs `body` with a handle no other task is using.
    func withHandle<T>(_ body: (UnsafeTIFFHandle) throws(SlideError) -> T) throws(SlideError) -> T {
        let reused = idle.withLock { $0.popLast() }
        let handle: UnsafeTIFFHandle
        if let reused { handle = reused } else { handle = try UnsafeTIFFHandle(path: path) }
        defer { idle.withLock { if $0.count < keep { $0.append(handle) } } }
        return try body(handle)
    }
}
