import Foundation
import Judge
import Mail

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
    /// Where that judge scores: `arbiter serve` scores in child processes, so a file that crashes the scorer cannot
    /// take the server down; tests score in-process.
    public var judgeIsolation: ScoringIsolation = .inProcess
    /// Threads that take upload forms apart, validate files and write them durably: a pool of their own, so probes
    /// and store routes never queue behind them. Twice the cores by default, since an accepted file's thread also
    /// waits for its fsync.
    public var uploadThreads: Int
    /// Uploads one token may have in progress at once; another is refused with 429 and `Retry-After`.
    public var uploadsPerToken: Int
    /// Uploads the whole server holds in progress (running or waiting for an upload thread); another gets 503.
    public var uploadsInProgress: Int
    /// How long a request's head may take to arrive, counted from the connection's opening or the previous answer
    /// (so also how long a kept-alive connection may sit idle); the connection is closed after it.
    public var headerTimeout: Duration
    /// The longest pause allowed between two pieces of a request's body; the request is answered 408 and the
    /// connection closed after it.
    public var bodyTimeout: Duration
    /// A backstop: a connection that reads nothing for this long while no answer is being prepared is closed.
    public var idleTimeout: Duration
    /// How long a browser session lasts after signing in.
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// Whether session cookies are marked `Secure`: set it when the portal is served over TLS (by a proxy in front).
    public var secureCookies = false
    /// Sign-in attempts one address may make per minute, sustained; `signInBurst` may come at once.
    public var signInsPerMinute: Double = 10
    public var signInBurst: Double = 10
    /// The folder of the slides that study items name, from which the annotation viewer's tiles are made; nil shows
    /// each item's stored picture alone.
    public var slides: URL?
    /// Bytes of viewer tiles kept in memory once made.
    public var tileCacheBytes = 256 << 20
    /// The site's address as browsers reach it, for the links mailed to accounts; nil uses `http://host:port`.
    public var publicURL: String?
    /// The mail server for verification and reset links; nil writes each mail to the log instead (development).
    public var smtp: SMTPSettings?
    /// Threads that hash and check passwords (scrypt, about 56 ms of a core and 32 MiB each): the machine's cores by default.
    public var passwordThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Sign-in attempts one account may receive per minute, sustained, after a burst of `signInBurst`.
    public var accountSignInsPerMinute: Double = 5

    /// Where links in mails point.
    public var siteURL: String { publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://\(host):\(port)" }

    /// Twice the machine's cores.
    public static var defaultUploadThreads: Int { 2 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public init(host: String = "127.0.0.1", port: Int = 8080, requestsPerSecond: Double = 20, requestBurst: Double = 40,
                uploadBytesPerMinute: Double = 1_073_741_824, runsJudge: Bool = true,
                uploadThreads: Int = ServerConfiguration.defaultUploadThreads, uploadsPerToken: Int = 2,
                uploadsInProgress: Int = 64, headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
                idleTimeout: Duration = .seconds(75)) {
        self.host = host
        self.port = port
        self.requestsPerSecond = requestsPerSecond
        self.requestBurst = requestBurst
        self.uploadBytesPerMinute = uploadBytesPerMinute
        self.runsJudge = runsJudge
        self.uploadThreads = uploadThreads
        self.uploadsPerToken = uploadsPerToken
        self.uploadsInProgress = uploadsInProgress
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
    }
}
