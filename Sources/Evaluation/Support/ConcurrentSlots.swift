/// One slot per iteration of `concurrentPerform`, each written by that iteration alone and read only after
/// `concurrentPerform` returns, so no memory is shared between threads: that makes the unchecked Sendable safe.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    func store(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { storage.map { $0! } }
}
