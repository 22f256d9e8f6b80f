import Foundation

/// Where and how `arbiter serve` listens, and the per-token limits it enforces before a request reaches the intake.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Requests a token may make per second, sustained; `requestBurst` more may come at once.
    public var requestsPerSecond: Double
    public var requestBurst: Double
    /// Bytes a token may upload per minute, sustained (bursts up to one phase's file limit).
    public var uploadBytesPerMinute: Double
    /// Whether the server runs a judge in-process.
    public var runsJudge: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, requestsPerSecond: Double = 20, requestBurst: Double = 40,
                uploadBytesPerMinute: Double = 1_073_741_824, runsJudge: Bool = true) {
        self.host = host
        self.port = port
        self.requestsPerSecond = requestsPerSecond
        self.requestBurst = requestBurst
        self.uploadBytesPerMinute = uploadBytesPerMinute
        self.runsJudge = runsJudge
    }
}
