import Foundation
import Prometheus
import Store

/// The Prometheus registry behind `/metrics`: one per server, never the process-wide metrics system.
struct ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    func requestFinished(_ endpoint: String, status: Int, seconds: Double) {
        registry.makeCounter(name: "arbiter_http_requests_total", labels: [("endpoint", endpoint), ("status", String(status))])
            .increment()
        registry.makeDurationHistogram(
            name: "arbiter_http_request_duration_seconds", labels: [("endpoint", endpoint)],
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]
        ).recordNanoseconds(Int64(seconds * 1e9))
    }

    func submission(outcome: String) {
        registry.makeCounter(name: "arbiter_submissions_total", labels: [("outcome", outcome)]).increment()
    }

    /// A claim of this server's own judge: how long the statement took, and how many jobs it took over after
    /// an earlier claim's lease ran out.
    func claimFinished(seconds: Double, jobs: [ClaimedJob]) {
        registry.makeDurationHistogram(
            name: "arbiter_job_claim_duration_seconds", labels: [("kind", JobKind.score.rawValue)],
            buckets: [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1)]
        ).recordNanoseconds(Int64(seconds * 1e9))
        registry.makeCounter(name: "arbiter_job_claimed_total", labels: [("kind", JobKind.score.rawValue)]).increment(by: Int64(jobs.count))
    }

    /// The exposition text, with the queue's gauges read from the store at scrape time (every process sharing the
    /// database sees the same queue).
    func exposition(queue: [JobKind: QueueStatistics]?) -> [UInt8] {
        for (kind, queue) in queue ?? [:] {
            let kind = ("kind", kind.rawValue)
            for (state, count) in [("queued", queue.queued), ("running", queue.running), ("lease_expired", queue.leaseExpired),
                                   ("done", queue.done), ("failed", queue.failed)] {
                registry.makeGauge(name: "arbiter_jobs", labels: [kind, ("state", state)]).set(Double(count))
            }
            registry.makeGauge(name: "arbiter_job_attempts", labels: [kind]).set(Double(queue.claims))
            registry.makeGauge(name: "arbiter_job_lease_expiries", labels: [kind]).set(Double(queue.reclaims + queue.leaseExpired))
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
