import ArgumentParser
import BuiltInFiles
import Foundation
import Logging
import Mail
import Server
import Site

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and the browser portal (and, unless --no-judge, score submissions as they arrive) until SIGTERM or SIGINT.")

    @OptionGroup var data: DataDirectoryOption
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(name: .customLong("no-judge"), help: "Only accept submissions; run `arbiter judge --watch` elsewhere to score them.")
    var noJudge = false
    @Option(help: "Requests per second each token (or anonymous address) may make, sustained.") var requestsPerSecond = 20.0
    @Option(help: "Requests a token may make at once before the rate applies.") var requestBurst = 40.0
    @Option(help: "Megabytes each token may upload per minute.") var uploadMegabytesPerMinute = 1024.0
    @Option(help: "Threads that validate and store uploads (default: twice the machine's cores).") var uploadThreads: Int?
    @Option(help: "Uploads each token may have in progress at once; more are answered 429 with Retry-After.") var uploadsPerToken = 2
    @Option(help: "Uploads the server holds in progress at once; more are answered 503 with Retry-After.") var uploadsInProgress = 64
    @Option(help: "Seconds a request's headers may take to arrive (also how long an idle connection is kept).") var headerTimeout = 10.0
    @Option(help: "Seconds a request body may pause between two pieces before it is answered 408.") var bodyTimeout = 30.0
    @Option(help: "Seconds a connection may read nothing while no answer is being prepared, before it is closed.") var idleTimeout = 75.0
    @OptionGroup var isolation: ScoringIsolationOptions
    @Option(help: "Folder with the leaderboard's page template and style sheet.") var assets = "Leaderboard"
    @Option(help: "Hours a browser session lasts after signing in.") var sessionHours = 12.0
    @Flag(help: "Mark session cookies Secure: set it when a TLS proxy serves the portal.") var secureCookies = false
    @Option(help: "Sign-in attempts one address may make per minute.") var signInsPerMinute = 10.0
    @Option(help: "Folder of the slides study items name: the annotation viewer's tiles are made from them (without it, readers see each item's picture only).")
    var slides: String?
    @Option(help: "Megabytes of viewer tiles kept in memory.") var tileCacheMegabytes = 256
    @Option(help: "Sign-in attempts one account may receive per minute, whatever the address they come from.") var accountSignInsPerMinute = 5.0
    @Option(help: "Threads that hash and check passwords (default: the machine's cores).") var passwordThreads: Int?
    @Option(help: "The site's address as browsers reach it, for links mailed to accounts (default: http://HOST:PORT).") var publicURL: String?
    @Option(help: "Mail server for verification and reset links, smtp://HOST:PORT or smtps://HOST:PORT (without it, mails are written to the log). Its password, if any, is read from ARBITER_SMTP_PASSWORD.")
    var smtpURL: String?
    @Option(help: "Sender address of the mails.") var smtpFrom = "arbiter@localhost"
    @Option(help: "User name on the mail server.") var smtpUser: String?
    @Flag(help: "Refuse to send mail unless the server offers STARTTLS.") var smtpRequireTLS = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func validate() throws {
        for (name, value) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] where !(value > 0 && value <= 86_400) {
            throw ValidationError("\(name) must be a number of seconds above 0 and at most 86400, got \(value)")
        }
        // A rate of 0 (or not a number) refills nothing: every caller past the burst would be refused for ever. A burst
        // of 0 would lift the limit altogether (a request never needs more than the burst).
        for (name, value) in [("--requests-per-second", requestsPerSecond), ("--request-burst", requestBurst),
                              ("--upload-megabytes-per-minute", uploadMegabytesPerMinute)] where !(value > 0 && value.isFinite) {
            throw ValidationError("\(name) must be a number above 0, got \(value)")
        }
        guard sessionHours > 0, sessionHours <= 24 * 30, signInsPerMinute > 0 else {
            throw ValidationError("--session-hours must be above 0 and at most 720, and --sign-ins-per-minute above 0; got \(sessionHours) and \(signInsPerMinute)")
        }
        guard accountSignInsPerMinute > 0 else { throw ValidationError("--account-sign-ins-per-minute must be above 0, got \(accountSignInsPerMinute)") }
        if let publicURL, URL(string: publicURL)?.host == nil || !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must be an http or https address such as https://challenges.example.org, got \(publicURL)")
        }
        for (name, value) in [("--password-threads", passwordThreads ?? 1), ("--upload-threads", uploadThreads ?? 1), ("--uploads-per-token", uploadsPerToken), ("--uploads-in-progress", uploadsInProgress)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, got \(value)")
        }
    }

    func run() async throws {
        var logger = Logger(label: "arbiter.server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var configuration = ServerConfiguration(
            host: host, port: port, requestsPerSecond: requestsPerSecond, requestBurst: requestBurst,
            uploadBytesPerMinute: uploadMegabytesPerMinute * 1_048_576, runsJudge: !noJudge,
            uploadThreads: uploadThreads ?? ServerConfiguration.defaultUploadThreads, uploadsPerToken: uploadsPerToken,
            uploadsInProgress: uploadsInProgress, headerTimeout: .seconds(headerTimeout), bodyTimeout: .seconds(bodyTimeout),
            idleTimeout: .seconds(idleTimeout))
        configuration.judgeIsolation = try isolation.isolation(data: data)
        configuration.sessionLifetime = sessionHours * 3600
        configuration.secureCookies = secureCookies
        configuration.signInsPerMinute = signInsPerMinute
        configuration.signInBurst = max(1, signInsPerMinute)
        configuration.slides = slides.map { URL(fileURLWithPath: $0, isDirectory: true) }
        configuration.tileCacheBytes = max(0, tileCacheMegabytes) << 20
        configuration.accountSignInsPerMinute = accountSignInsPerMinute
        if let passwordThreads { configuration.passwordThreads = passwordThreads }
        configuration.publicURL = publicURL
        if let smtpURL {
            var smtp = try SMTPSettings.parse(url: smtpURL, from: smtpFrom)
            smtp.username = smtpUser
            smtp.password = ProcessInfo.processInfo.environment["ARBITER_SMTP_PASSWORD"]
            smtp.requiresSTARTTLS = smtpRequireTLS
            configuration.smtp = smtp
        }
        let assetsURL = URL(fileURLWithPath: BuiltInFiles.resolve(assets))
        let server = try ArbiterServer(store: try data.openStore(), configuration: configuration,
                                       leaderboardAssets: assetsURL,
                                       signingKey: try SigningKeys.privateKey(dataDirectory: data.localDirectory), logger: logger)
        try await server.run()
    }
}
