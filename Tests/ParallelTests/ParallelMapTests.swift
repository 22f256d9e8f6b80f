import Parallel
import Synchronization
import Testing

@Suite struct ParallelMapTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test(arguments: [1, 2, 3, 8])
    func keepsIndexOrder(threads: Int) {
        let values = ParallelMap.map(count: 1000, threads: threads) { $0 * $0 }
        #expect(values == (0..<1000).map { $0 * $0 })
    }

    @Test(arguments: [1, 2, 8])
    func runsEveryIndexOnce(threads: Int) {
        let counts = Mutex([Int](repeating: 0, count: 500))
        _ = ParallelMap.map(count: 500, threads: threads) { index in counts.withLock { $0[index] += 1 } }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 500))
    }

    @Test func handlesEmptyAndSingleRanges() {
        #expect(ParallelMap.map(count: 0, threads: 4) { $0 }.isEmpty)
        #expect(ParallelMap.map(count: 1, threads: 4) { $0 + 7 } == [7])
    }

    @Test(arguments: [1, 2, 8])
    func throwsTheErrorOfTheLowestFailingIndex(threads: Int) {
        #expect(throws: Failure(index: 40)) {
            try ParallelMap.map(count: 200, threads: threads) { (index) throws(Failure) -> Int in
                if index == 40 || index == 41 || index == 150 { throw Failure(index: index) }
                return index
            }
        }
    }

    @Test func stopsHandingOutIndicesAfterAFailure() {
        let started = Mutex(0)
        #expect(throws: Failure.self) {
            try ParallelMap.map(count: 10_000, threads: 2) { (index) throws(Failure) in
                started.withLock { $0 += 1 }
                if index == 0 { throw Failure(index: 0) }
            }
        }
        #expect(started.withLock { $0 } < 10_000)
    }

    @Test func runsInlineInOrderWithOneThread() {
        var seen: [Int] = []  // not Sendable-safe: only correct because one thread runs inline, in order
        _ = ParallelMap.map(count: 50, threads: 1) { seen.append($0) }
        #expect(seen == Array(0..<50))
    }

    @Test func writesDisjointPartsOfOneBuffer() {
        let output = [Int](unsafeUninitializedCapacity: 10_000) { buffer, initialized in
            _ = ParallelMap.map(count: 10, threads: 4) { chunk in
                for index in chunk * 1000..<(chunk + 1) * 1000 { buffer[index] = index * 2 }
            }
            initialized = 10_000
        }
        #expect(output == (0..<10_000).map { $0 * 2 })
    }

    @Test(arguments: [1, 2, 8])
    func tasksKeepIndexOrder(threads: Int) async throws {
        let values = try await ParallelMap.mapInTasks(count: 300, threads: threads) { $0 + 1 }
        #expect(values == Array(1...300))
    }

    @Test func tasksRunEveryIndexOnce() async throws {
        let counts = Mutex([Int](repeating: 0, count: 300))
        _ = try await ParallelMap.mapInTasks(count: 300, threads: 3) { index in counts.withLock { $0[index] += 1 } }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 300))
    }

    @Test(arguments: [1, 2, 8])
    func tasksThrowTheErrorOfTheLowestFailingIndex(threads: Int) async {
        await #expect(throws: Failure(index: 7)) {
            try await ParallelMap.mapInTasks(count: 100, threads: threads) { index in
                if index == 7 || index == 9 || index == 60 { throw Failure(index: index) }
                return index
            }
        }
    }

    @Test func tasksHandleAnEmptyRange() async throws {
        #expect(try await ParallelMap.mapInTasks(count: 0) { $0 }.isEmpty)
    }

    @Test func coresIsAtLeastOne() {
        #expect(ParallelMap.cores >= 1)
    }
}
