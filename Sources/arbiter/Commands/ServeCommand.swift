import ArgumentParser
import Foundation
import Logging
import Server

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (and, unless --no-judge, score submissions as they arrive) until SIGTERM or SIGINT.")

    @OptionGroup var data: DataDirectoryOption
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(name: .customLong("no-judge"), help: "Only accept submissions; run `arbiter judge --watch` elsewhere to score them.")
    var noJudge = false
    @Option(help: "Requests per second each token (or anonymous address) may make, sustained.") var requestsPerSecond = 20.0
    @Option(help: "Requests a token may make at once before the rate applies.") var requestBurst = 40.0
    @Option(help: "Megabytes each token may upload per minute.") var uploadMegabytesPerMinute = 1024.0
    @Option(help: "Folder with the leaderboard's page template and style sheet.") var assets = "Leaderboard"
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func run() async throws {
        var logger = Logger(label: "arbiter.server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let configuration = ServerConfiguration(
            host: host, port: port, requestsPerSecond: requestsPerSecond, requestBurst: requestBurst,
            uploadBytesPerMinute: uploadMegabytesPerMinute * 1_048_576, runsJudge: !noJudge)
        let server = try ArbiterServer(store: try data.openStore(), configuration: configuration,
                                       leaderboardAssets: URL(fileURLWithPath: assets), logger: logger)
        try await server.run()
    }
}
