import Foundation
import Prometheus

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

    /// The exposition text, with gauges read from the store at scrape time.
    func exposition(pendingJobs: Int?) -> [UInt8] {
        if let pendingJobs { registry.makeGauge(name: "arbiter_jobs_pending").set(Double(pendingJobs)) }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
