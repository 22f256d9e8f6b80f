import Foundation
import Logging
import Store
import Tiling

/// Takes tiling jobs off the shared queue one slide at a time, under a lease renewed while the slide is tiled: a
/// worker killed mid-slide loses the job to the next claim after its lease, and the pyramid's atomic writes make
/// the retry finish what the first attempt left. A slide that fails to tile fails its own job, with the reason.
struct TileQueueWorker {
    let store: any ArbiterStore
    let worker: String
    var leaseSeconds = 600.0
    var maxAttempts = JobQueue.defaultMaxAttempts
    var quiet = false
    let logger = Logger(label: "arbiter.tiler")

    struct Report {
        var done = 0
        var failed = 0
        /// Finished, but another worker had taken the job over meanwhile (this one's lease ran out).
        var leaseLost = 0
    }

    /// Tiles until no tiling job can be claimed.
    func drain() async throws -> Report {
        var report = Report()
        let keeper = LeaseKeeper(store: store, leaseSeconds: leaseSeconds, clock: { Date() }, logger: logger)
        while let task = try store.claimTasks(kind: .tile, worker: worker, limit: 1, leaseSeconds: leaseSeconds, now: Date(),
                                              maxAttempts: maxAttempts).first {
            let failure: String?
            do {
                let line = try await keeper.keeping([task.lease]) { try await Self.run(task) }
                if !quiet { print(line) }
                failure = nil
            } catch {
                failure = "\(error)"
                FileHandle.standardError.write(Data("error: job \(task.lease.jobID): \(error)\n".utf8))
            }
            if try store.finishTask(task.lease, failure: failure, now: Date()) {
                if failure == nil { report.done += 1 } else { report.failed += 1 }
            } else {
                report.leaseLost += 1
            }
        }
        return report
    }

    private static func run(_ claimed: ClaimedTask) async throws -> String {
        let task = try TileTask(payload: claimed.payload)
        return try await SlideTiler(options: task.pyramidOptions).tile(task.slide, into: task.out, progress: .quiet)
    }
}
