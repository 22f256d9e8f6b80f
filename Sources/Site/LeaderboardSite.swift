import Challenge
import Foundation
import Store

/// Writes the static leaderboard of a challenge: `index.html`, `style.css`, `leaderboard.json`
/// and `<phase>.csv`, each file replaced atomically.
public struct LeaderboardSite: Sendable {
    public let store: SQLiteStore
    /// The folder with `page.html` and `style.css` (the repository's `Leaderboard/`).
    public let assets: URL

    public init(store: SQLiteStore, assets: URL) {
        self.store = store
        self.assets = assets
    }

    /// Builds the site into `output` and returns the path of its `index.html`.
    @discardableResult
    public func build(challenge slug: String, output: URL, now: Date) throws -> URL {
        let (challenge, boards) = try LeaderboardAssembler(store: store).boards(challenge: slug, now: now)
        let template = try String(contentsOf: assets.appendingPathComponent("page.html"), encoding: .utf8)
        let style = try Data(contentsOf: assets.appendingPathComponent("style.css"))
        let page = template
            .replacingOccurrences(of: "{{title}}", with: escape(challenge.spec.title))
            .replacingOccurrences(of: "{{generated}}", with: UTCInstant.format(now))
            .replacingOccurrences(of: "{{body}}", with: HTMLRenderer(challenge: challenge.spec).body(boards))
        let exporter = TableExporter(challenge: challenge.spec)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var files: [(String, [UInt8])] = [
            ("index.html", Array(page.utf8)),
            ("style.css", Array(style)),
            ("leaderboard.json", Array(try exporter.json(boards, generatedAt: now).utf8)),
        ]
        files += boards.map { ("\($0.phase.slug).csv", Array(exporter.csv($0).utf8)) }
        for (name, bytes) in files {
            let destination = output.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: destination)
            try DurableFile.write(bytes, to: destination)
        }
        return output.appendingPathComponent("index.html")
    }
}
