import ArgumentParser
import Foundation
import Store

/// Job claims per second through the store adapter: a queue of N jobs, drained by W workers that each claim one job
/// and complete it, until the queue is empty. `scripts/bench/postgres` runs it beside the raw `SKIP LOCKED` pattern
/// in `pgbench` on the same server.
struct ClaimBenchmark: AsyncParsableCommand {
    enum Pool: String, ExpressibleByArgument, CaseIterable {
        /// A store (a connection pool) per worker, as judges in separate processes have.
        case perWorker = "per-worker"
        /// One store shared by every worker, as tasks of one process have.
        case shared
    }

    static let configuration = CommandConfiguration(
        commandName: "claims", abstract: "Job claims per second through the store: W workers claim one job at a time and complete it.")

    @Option(help: "The store: postgres://USER:PASSWORD@HOST:PORT/DB (a fresh schema is made in it) or sqlite://PATH; default a fresh SQLite store.")
    var database: String?
    @Option(help: "Jobs to queue (rounded up to whole re-queues of the submissions).") var jobs = 5000
    @Option(help: "Workers claiming at once, each on its own thread.") var workers = 1
    @Option(help: "Submissions the jobs are spread over.") var submissions = 250
    @Option(help: "per-worker: a store (connection pool) per worker, like separate judge processes; shared: one for all.")
    var pool = Pool.perWorker

    func validate() throws {
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard workers > 0 else { throw ValidationError("--workers must be at least 1, got \(workers)") }
        guard submissions > 0 else { throw ValidationError("--submissions must be at least 1, got \(submissions)") }
    }

    func run() async throws {
        let database = BenchDatabase(database, label: "claims")
        defer { database.removeFiles() }
        // The schema stays behind, so a script can run the adapter's own statements on it with pgbench.
        print("store: \(database.url.map(StoreFactory.redacted) ?? database.directory.path)")
        let setup = try database.open()
        let queued = try ClaimQueue.fill(setup, jobs: jobs, submissions: submissions)
        let stores = try (0..<workers).map { _ in pool == .shared ? setup : try database.open() }
        let outcome = try ClaimWorkers(stores: stores).drain()
        guard outcome.tally.claims == queued else {
            throw ClaimBenchError("\(outcome.tally.claims) of \(queued) jobs were claimed and completed")
        }
        guard try setup.pendingJobCount() == 0 else { throw ClaimBenchError("jobs are left in the queue") }
        let claims = Double(outcome.tally.claims)
        print("claims: \(database.engine), \(workers) workers (\(pool.rawValue) pool), "
              + String(format: "%d jobs in %.3f s: %.0f claims/s; per job %.3f ms claiming, %.3f ms completing",
                       outcome.tally.claims, outcome.seconds, claims / outcome.seconds,
                       outcome.tally.claimSeconds * 1000 / claims, outcome.tally.recordSeconds * 1000 / claims))
    }
}
