import ArgumentParser
import BuiltInFiles
import Challenge
import Foundation
import Imaging
import Scoring
import Store
import Studies
import Tiling

/// The annotation viewer's tiles as `arbiter serve --slides` answers them on loopback, to readers signed in as a
/// browser is (session cookie), every reader assigned the one item: the whole slide.
/// - the item's page is opened first, as a browser does (a slide without small levels is read for them then);
/// - on demand: the tiles of the slide's Deep Zoom pyramid (or `--tiles` of them, spread over every level) asked for
///   once each, by `--browser-connections` connections at once (what one browser opens to a host), so each is made
///   from the slide then; target p99 < 100 ms;
/// - cached: `--sessions` readers each asking for tiles at random from that (now cached) pyramid on a keep-alive
///   connection of its own, as fast as the server answers, for `--seconds`; target p99 < 20 ms with 50 sessions.
struct ViewerTileBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "viewer-tiles", abstract: "The annotation viewer's Deep Zoom tiles: made on demand from a slide, then served from the cache to many readers.")

    @Option(help: "The slide (JPEG-compressed, as scanners write them); default: a fixture slide of the repository.")
    var slide = "Fixtures/slides/vips-jpeg-power-of-two.tiff"
    @Option(help: "Concurrent reader sessions for the cached tiles.") var sessions = 50
    @Option(help: "Connections asking for tiles on demand at once (a browser opens 6 to a host).") var browserConnections = 6
    @Option(help: "Seconds of cached-tile load.") var seconds = 10.0
    @Option(help: "The most tiles asked for (spread over the levels); a large slide's pyramid has thousands.") var tiles = 400
    @Option(help: "Loopback port of the server.") var port = 18_640
    @Option(help: "The arbiter executable (default: next to this one).") var arbiter: String?

    func validate() throws {
        guard sessions > 0, browserConnections > 0, seconds > 0, tiles > 0 else {
            throw ValidationError("--sessions, --browser-connections, --seconds and --tiles must be above 0")
        }
    }

    func run() async throws {
        let executable = arbiter ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arbiter").path
        let slidePath = URL(fileURLWithPath: BuiltInFiles.resolve(slide)).standardizedFileURL
        let pyramid = ItemTiles(slide: try Slide(path: slidePath.path), box: nil, orientation: nil)
        let database = BenchDatabase(nil, label: "viewer-tiles")
        defer { database.removeFiles() }
        let slides = database.directory.appendingPathComponent("slides")
        try FileManager.default.createDirectory(at: slides, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: slides.appendingPathComponent(slidePath.lastPathComponent), withDestinationURL: slidePath)
        let cookies = try Self.readers(sessions, slide: SlideFolder.stem(slidePath.path), store: try database.open())
        let server = try ServerProcess(executable: executable, data: database.directory, port: port, options: ["--slides", slides.path])
        try server.start()
        defer { server.stop() }
        let every = (0..<pyramid.levels).flatMap { level in
            let grid = pyramid.grid(level: level)
            return (0..<grid.rows).flatMap { row in (0..<grid.columns).map { "/annotate/load/viewer/0/tiles/\(level)/\($0)_\(row).jpeg" } }
        }
        // Every k-th tile, so that the sample holds each level in its share.
        let stride = max(1, (every.count + tiles - 1) / tiles)
        let paths = Swift.stride(from: 0, to: every.count, by: stride).map { every[$0] }
        let size = pyramid.size(level: pyramid.levels - 1)
        print("viewer tiles: \(slidePath.lastPathComponent), \(size.width) x \(size.height), \(pyramid.levels) levels, \(every.count) tiles of \(pyramid.tileSize) px, \(paths.count) asked for")

        // The item's page first, as a browser opens it before its tiles (it readies the item's small levels).
        let page = LoopbackConnection(port: UInt16(port))
        let opened = DispatchTime.now().uptimeNanoseconds
        guard let reply = try? page.request("GET", "/annotate/load/viewer/0", headers: [("Cookie", "arbiter_session=\(cookies[0])")]),
              reply.status == 200 else { throw ServeBenchError("the item's page did not open") }
        print(String(format: "the item's page: %.1f ms", Double(DispatchTime.now().uptimeNanoseconds - opened) / 1e6))

        // Every tile once, shared among one browser's connections: each is made from the slide when asked for.
        let made = Self.fetch(paths: paths, cookies: Array(cookies.prefix(browserConnections)), port: UInt16(port))
        let madeLatencies = made.flatMap(\.latencies).sorted()
        let onDemand = madeLatencies.percentileMilliseconds(0.99)
        print(String(format: "on demand: %d tiles by %d connections, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d failed",
                     madeLatencies.count, browserConnections, madeLatencies.percentileMilliseconds(0.5), onDemand,
                     madeLatencies.percentileMilliseconds(1), made.reduce(0) { $0 + $1.failures }))

        // The same tiles again, now cached, to every session at once.
        let deadline = Date().addingTimeInterval(seconds)
        let cached = Self.fetch(paths: paths, cookies: cookies, port: UInt16(port), until: deadline)
        let cachedLatencies = cached.flatMap(\.latencies).sorted()
        let servedP99 = cachedLatencies.percentileMilliseconds(0.99)
        print(String(format: "cached: %d sessions, %d tiles in %.1f s: %.0f per second; p50 %.2f ms, p99 %.2f ms, max %.1f ms; %d failed",
                     sessions, cachedLatencies.count, seconds, Double(cachedLatencies.count) / seconds,
                     cachedLatencies.percentileMilliseconds(0.5), servedP99, cachedLatencies.percentileMilliseconds(1),
                     cached.reduce(0) { $0 + $1.failures }))
        BenchmarkResult(benchmark: "viewer tiles made on demand from \(slidePath.lastPathComponent), \(browserConnections) connections (p99)",
                        arbiter: BenchmarkResult.number(onDemand, 1, "ms"), target: "< 100 ms", met: onDemand < 100).print()
        BenchmarkResult(benchmark: "viewer tiles from the cache, \(sessions) sessions (p99)",
                        arbiter: BenchmarkResult.number(servedP99, 2, "ms") + ", "
                            + BenchmarkResult.number(Double(cachedLatencies.count) / seconds, 0, "tiles/s"),
                        target: "< 20 ms", met: servedP99 < 20).print()
        let failures = (made + cached).reduce(0) { $0 + $1.failures }
        guard failures == 0 else { throw ServeBenchError("\(failures) tile requests failed") }
    }

    /// A study `viewer` of the `load` challenge whose one item is the whole slide, read by `count` readers, and a
    /// browser session for each.
    static func readers(_ count: Int, slide: String, store: any ArbiterStore) throws -> [String] {
        let challenge = try OpenPhaseChallenge.spec(slug: "load", classes: 4, maxFileSize: "1MB")
        try store.registerChallenge(challenge, now: Date())
        let names = StudyBenchSetup.readerNames(count)
        let yaml = """
            slug: viewer
            title: Viewer
            items:
              slides:
                - { id: s, slide: \(slide) }
            questions:
              shapes: { kinds: [polygon, point], classes: [tumour] }
            readers: [\(names.joined(separator: ", "))]
            reads-per-item: \(count)
            assignment: blinded
            """
        let spec = try StudySpecParser.parse(yaml: yaml, file: "study.yaml", challenge: challenge)
        let outcome = try StudySetup(store: store).run(spec, challenge: "load", items: spec.items.records ?? [], now: Date())
        return try outcome.issuedTokens.filter { $0.role == .reader }.map { issued in
            guard let session = try store.openSession(token: issued.token, now: Date(), lifetime: 86_400) else {
                throw ServeBenchError("no session for reader \(issued.reader)")
            }
            return session.id
        }
    }

    /// Each cookie's connection on a thread of its own. Without `until`, the connections share `paths`, each asked
    /// for once; with it, each connection asks for paths at random until then.
    static func fetch(paths: [String], cookies: [String], port: UInt16, until deadline: Date? = nil) -> [(latencies: [Double], failures: Int)] {
        let results = ResultSlots<(latencies: [Double], failures: Int)>(count: cookies.count)
        let next = Locked(0)
        let group = DispatchGroup()
        for (index, cookie) in cookies.enumerated() {
            group.enter()
            Thread.detachNewThread {
                let connection = LoopbackConnection(port: port)
                var random = SplitMix64(seed: UInt64(index + 1))
                var latencies: [Double] = [], failures = 0
                while true {
                    let path: String
                    if let deadline {
                        guard Date() < deadline else { break }
                        path = paths[Int(random.next() % UInt64(paths.count))]
                    } else {
                        let taken = next.withLock { value -> Int in value += 1; return value - 1 }
                        guard taken < paths.count else { break }
                        path = paths[taken]
                    }
                    let started = DispatchTime.now().uptimeNanoseconds
                    let reply = try? connection.request("GET", path, headers: [("Cookie", "arbiter_session=\(cookie)")])
                    if reply?.status == 200, reply?.body.starts(with: [0xFF, 0xD8]) == true {
                        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
                    } else {
                        failures += 1
                    }
                }
                results.set(index, (latencies, failures))
                group.leave()
            }
        }
        group.wait()
        return results.values
    }
}
