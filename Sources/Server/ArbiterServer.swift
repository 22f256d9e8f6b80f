import Foundation
import Hummingbird
import HummingbirdCore
import Intake
import Judge
import Logging
import Mail
import NIOCore
import ServiceLifecycle
import UnixSignals
import Site
import Store
import Tiling

/// Arbiter over HTTP: the JSON API of `Endpoint`, on the same store and intake as the CLI, and (unless
/// configured otherwise) a judge in the same process that scores what arrives.
public struct ArbiterServer: Sendable {
    public let store: any ArbiterStore
    public let configuration: ServerConfiguration
    let logger: Logger
    let handlers: APIHandlers
    let pages: WebHandlers
    let clock: @Sendable () -> Date

    /// `signingKey` (see `SigningKeys`) signs a snapshot into the leaderboard's history whenever the portal's copy of
    /// the site is rebuilt with something new to show.
    /// `mail` sends accounts their links; nil chooses from the configuration (its SMTP server, else the log).
    public init(store: any ArbiterStore, configuration: ServerConfiguration = ServerConfiguration(), leaderboardAssets: URL,
                signingKey: Data? = nil, logger: Logger = Logger(label: "arbiter.server"),
                clock: @escaping @Sendable () -> Date = { Date() }, mail: (any MailSender)? = nil) throws {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        handlers = APIHandlers(
            store: store, spool: try UploadSpool(blobs: store.blobs),
            requests: RateLimiter(rate: configuration.requestsPerSecond, burst: configuration.requestBurst),
            uploads: RateLimiter(rate: configuration.uploadBytesPerMinute / 60, burst: configuration.uploadBytesPerMinute),
            leaderboards: LeaderboardCache(site: LeaderboardSite(store: store, assets: leaderboardAssets)),
            metrics: ServerMetrics(), clock: clock, logger: logger, intake: SubmissionIntake(store: store),
            uploadWork: UploadWorkPool(threads: configuration.uploadThreads, perToken: configuration.uploadsPerToken,
                                       capacity: configuration.uploadsInProgress),
            viewer: ItemViewer(slides: configuration.slides.map(SlideFolder.init), cacheBytes: configuration.tileCacheBytes))
        let signIns = RateLimiter(rate: configuration.signInsPerMinute / 60, burst: configuration.signInBurst)
        pages = WebHandlers(
            api: handlers, renderer: try PageRenderer(),
            portal: PortalSite(site: LeaderboardSite(store: store, assets: leaderboardAssets, signingKey: signingKey)),
            assets: try WebAssets(), signIns: signIns,
            cookies: SessionCookie(secure: configuration.secureCookies), sessionLifetime: configuration.sessionLifetime,
            accounts: AccountDesk(
                store: store, mail: mail ?? configuration.smtp.map { SMTPMailSender(settings: $0) } ?? LogMailSender(logger: logger),
                publicURL: configuration.siteURL, passwords: PasswordWork(threads: configuration.passwordThreads),
                perPeer: signIns, perAccount: RateLimiter(rate: configuration.accountSignInsPerMinute / 60, burst: configuration.signInBurst),
                logger: logger))
    }

    /// The routes, for serving or for calling in-process.
    public func router() -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: APIErrorMiddleware(logger: logger))
        for endpoint in Endpoint.allCases {
            let handlers = self.handlers
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try await handlers.respond(endpoint, to: request, context: context)
            }
        }
        for page in Page.allCases {
            let pages = self.pages
            router.on(RouterPath(page.path), method: page.method) { request, context in
                try await pages.respond(page, to: request, context: context)
            }
        }
        return router
    }

    /// Serves until SIGTERM or SIGINT, or until `stop` is triggered, finishing requests in flight first. `listening`
    /// is told the port once the server accepts connections: the one bound when the configuration asks for port 0.
    public func run(stop: ServerStop? = nil, listening: (@Sendable (Int) async -> Void)? = nil) async throws {
        let litter = store.blobs.removeUnfinishedWrites()
        if litter > 0 { logger.notice("removed unfinished blob writes of an earlier crash", metadata: ["files": "\(litter)"]) }
        var services: [any Service] = []
        if configuration.runsJudge {
            var judge = Judge(store: store, worker: "server-\(ProcessInfo.processInfo.processIdentifier)", clock: clock)
            judge.isolation = configuration.judgeIsolation
            let metrics = handlers.metrics
            judge.claimObserver = { seconds, jobs in metrics.claimFinished(seconds: seconds, jobs: jobs) }
            services.append(JudgeService(judge: judge, logger: logger))
        }
        let app = Application(
            router: router(), server: .http1(configuration: httpConfiguration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "arbiter"),
            services: services, onServerRunning: { [port = configuration.port] channel in await listening?(channel.localAddress?.port ?? port) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        guard let stop else { return try await group.run() }
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try await group.run()
                return true
            }
            tasks.addTask {
                await stop.wait()
                await group.triggerGracefulShutdown()
                return false
            }
            // Wait for the server itself; only then is the waiter for `stop` (if still waiting) cancelled.
            while let serverFinished = try await tasks.next(), !serverFinished {}
            tasks.cancelAll()
        }
    }

    /// HTTP/1 with the configured timeouts: the head and body timers per request, and Hummingbird's idle backstop.
    var httpConfiguration: HTTP1Channel.Configuration {
        let (header, body) = (TimeAmount(configuration.headerTimeout), TimeAmount(configuration.bodyTimeout))
        return HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestTimeoutHandler(headerTimeout: header, bodyTimeout: body)],
            idleTimeout: TimeAmount(configuration.idleTimeout))
    }
}
