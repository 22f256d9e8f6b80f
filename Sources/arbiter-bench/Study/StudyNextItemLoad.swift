import Challenge
import Foundation
import Store
import Studies

/// Readers working at once on one store, as a server's annotators do: each, on a thread of its own (the store's calls
/// block), asks for its next assignment (`progress(of:in:)` and its first unread item) and saves a read of it, `calls`
/// times. The next-item calls are timed one by one.
struct StudyNextItemLoad {
    let readers: Int
    let calls: Int

    func run() throws -> BenchmarkResult {
        // Two reads per item, so that every reader has more items than calls.
        let items = readers * calls / 2 + readers
        let setup = try StudyBenchSetup(items: items, readers: readers, readsPerItem: 2, label: "study-next")
        defer { setup.database.removeFiles() }
        let group = DispatchGroup()
        let results = Locked<[Result<[Double], any Error>]>([])
        let started = ContinuousClock.now
        for reader in setup.study.spec.readers {
            group.enter()
            Thread.detachNewThread {
                let result = Result { try Self.work(reader: reader, calls: calls, study: setup.study, now: setup.opens) }
                results.withLock { $0.append(result) }
                group.leave()
            }
        }
        group.wait()
        let seconds = Stopwatch.seconds(ContinuousClock.now - started)
        let latencies = try results.withLock { $0 }.flatMap { try $0.get() }.sorted()
        let p50 = latencies.percentileMilliseconds(0.5), p99 = latencies.percentileMilliseconds(0.99)
        print(String(format: "next item: %d readers x %d calls (each then saving a read) in %.3f s on %d items; "
                     + "next-item call p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 20 ms)",
                     readers, calls, seconds, items, p50, p99, latencies.percentileMilliseconds(1)))
        return BenchmarkResult(
            benchmark: "study next item: \(readers) concurrent readers x \(calls) calls, each then saving a read, SQLite (p99)",
            arbiter: BenchmarkResult.number(p99, 2, "ms"), target: "< 20 ms", met: p99 < 20)
    }

    /// One reader's loop; returns the seconds of each next-item call.
    private static func work(reader: String, calls: Int, study: ReaderStudy, now: Date) throws -> [Double] {
        var latencies: [Double] = []
        for call in 0..<calls {
            var next: AssignedItem?
            latencies.append(try Stopwatch.time { next = try study.store.progress(of: reader, in: study.study).next })
            guard let next else { throw StudyBenchError("\(reader) ran out of assignments after \(call) calls") }
            _ = try study.save(NewStudyRead(itemID: next.assignment.itemID, reader: reader, secondsSpent: 30, label: "\(call % 4)"), now: now)
        }
        return latencies
    }
}
