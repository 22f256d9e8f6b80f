import Judge
import Store
import Logging
import ServiceLifecycle

/// The server's own judge: drains the queue, then waits for new jobs (woken by uploads, or after a second). A claim that finds
/// nothing writes nothing, so idle polling costs no disk flush; stand-alone `arbiter judge --watch` workers
/// may run beside it, each claiming under a lease.
struct JudgeService: Service {
    let judge: Judge
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await judge.drain()
                    if report.total > 0 {
                        logger.info("judged", metadata: ["jobs": "\(report.total)", "scored": "\(report.scored)", "failed": "\(report.failed)"])
                        continue
                    }
                    // New uploads wake the judge at once; the timeout is the fallback that finds expired leases.
                    await judge.store.waitForJobs(timeout: .seconds(1))
                } catch {
                    logger.error("the judge stopped on an error; retrying", metadata: ["error": "\(error)"])
                    try await Task.sleep(for: .milliseconds(500))
                }
            }
        }
    }
}
