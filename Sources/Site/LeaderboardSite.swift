import Challenge
import Crypto
import Foundation
import Store

/// Writes the static leaderboard of a challenge: `index.html`, `style.css`, `leaderboard.json`
/// and `<phase>.csv`, each file replaced atomically.
public struct LeaderboardSite: Sendable {
    public let store: any ArbiterStore
    /// The folder with `page.html` and `style.css` (the repository's `Leaderboard/`).
    public let assets: URL
    /// The Ed25519 private key's raw bytes (see `SigningKeys`). When set, each build that changes what
    /// the leaderboard shows appends a signed snapshot to its history.
    public let signingKey: Data?

    public init(store: any ArbiterStore, assets: URL, signingKey: Data? = nil) {
        self.store = store
        self.assets = assets
        self.signingKey = signingKey
    }

    /// Builds the site into `output` and returns the path of its `index.html`.
    @discardableResult
    /// `bootstrap` overrides each phase's own bootstrap settings (its `ranking.bootstrap`). `humanBands`: the human
    /// readers' scores by phase and split; a phase with `human-band:` shows those of its ranking split.
    public func build(
        challenge slug: String, output: URL, now: Date, bootstrap override: BootstrapSettings? = nil, humanBands: HumanBand.ByPhase = [:]
    ) async throws -> URL {
        let (challenge, boards) = try await analysedBoards(challenge: slug, now: now, bootstrap: override, humanBands: humanBands)
        let exporter = TableExporter(challenge: challenge.spec)
        let chain = try signingKey.map { raw in
            try HistoryPublisher(store: store, key: try Curve25519.Signing.PrivateKey(rawRepresentation: raw)).publish(challenge: challenge, phases: try exporter.canonicalPhases(boards), now: now)
        } ?? []
        let template = try String(contentsOf: assets.appendingPathComponent("page.html"), encoding: .utf8)
        let style = try Data(contentsOf: assets.appendingPathComponent("style.css"))
        let page = template
            .replacingOccurrences(of: "{{title}}", with: escape(challenge.spec.title))
            .replacingOccurrences(of: "{{generated}}", with: UTCInstant.format(now))
            .replacingOccurrences(of: "{{body}}", with: HTMLRenderer(challenge: challenge.spec).body(boards) + HistoryPublisher.html(chain))
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var files: [(String, [UInt8])] = [
            ("index.html", Array(page.utf8)),
            ("style.css", Array(style)),
            ("leaderboard.json", Array(try exporter.json(boards, generatedAt: now).utf8)),
        ]
        files += boards.map { ("\($0.phase.slug).csv", Array(exporter.csv($0).utf8)) }
        files += boards.compactMap { board in exporter.humanReadersCSV(board).map { (TableExporter.humanReadersFileName(board), Array($0.utf8)) } }
        files += boards.compactMap { board in ScoreAxisPlot.svg(board).map { (ScoreAxisPlot.fileName(board), Array($0.utf8)) } }
        files += boards.compactMap { board in BlobPlot.svg(board).map { (BlobPlot.fileName(board), Array($0.utf8)) } }
        files += boards.compactMap { board in SignificanceMap.svg(board).map { (SignificanceMap.fileName(board), Array($0.utf8)) } }
        files += boards.flatMap { board in CurvePlot.svgs(board).map { ($0.0, Array($0.1.utf8)) } }
        let teamNames = Set(boards.flatMap { $0.rows.map(\.team) })
        if !teamNames.isEmpty {
            try FileManager.default.createDirectory(at: output.appendingPathComponent("teams"), withIntermediateDirectories: true)
        }
        for team in teamNames.sorted() {
            let page = TeamPage(challenge: challenge.spec).html(team: team, boards: boards)
            files.append((TeamPage.fileName(team), Array(page.page.utf8)))
            files.append((TeamPage.fileName(team).replacingOccurrences(of: ".html", with: ".json"),
                          Array(try TeamPage(challenge: challenge.spec).json(team: team, boards: boards).utf8)))
            files += page.plots.map { ($0.0, Array($0.1.utf8)) }
        }
        if !chain.isEmpty {
            try FileManager.default.createDirectory(at: output.appendingPathComponent("history"), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files += try chain.map { ("history/\($0.sequence).json", Array(try encoder.encode($0)) + [0x0A]) }
        }
        for (name, bytes) in files {
            let destination = output.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: destination)
            try DurableFile.write(bytes, to: destination)
        }
        return output.appendingPathComponent("index.html")
    }

    /// `leaderboard.json` as the site would write it now, for the API: the same boards, ranks and intervals.
    public func json(challenge slug: String, now: Date, humanBands: HumanBand.ByPhase = [:]) async throws -> String {
        let (challenge, boards) = try await analysedBoards(challenge: slug, now: now, bootstrap: nil, humanBands: humanBands)
        return try TableExporter(challenge: challenge.spec).json(boards, generatedAt: now)
    }

    /// The phase boards with the ranking rule applied, rank stability, significance and curves.
    private func analysedBoards(challenge slug: String, now: Date, bootstrap override: BootstrapSettings?, humanBands: HumanBand.ByPhase) async throws
        -> (StoredChallenge, [PhaseBoard])
    {
        var (challenge, boards) = try LeaderboardAssembler(store: store).boards(challenge: slug, now: now)
        let changes = try store.auditLog(challenge: slug).filter { $0.action == "phase.ranking-changed" }
        for index in boards.indices {
            boards[index].rankingChanges = changes.filter { $0.subject == boards[index].phase.slug }
                .map { "\(UTCInstant.format($0.at)): \($0.detail ?? "")" }
            let rule = boards[index].phase.rankingRule
            let bootstrap = override ?? BootstrapSettings(resamples: rule.bootstrapResamples, seed: rule.bootstrapSeed)
            let analysis = try await RankStabilityBuilder.analyse(board: boards[index], challenge: challenge, store: store, settings: bootstrap)
            if let ranks = analysis.ranks { boards[index].rerank(ranks) }
            boards[index].stability = analysis.stability
            boards[index].significance = analysis.significance
            boards[index].bootstrapTau = analysis.kendallTau
            boards[index].bootstrap = bootstrap
            boards[index].attachHumanBand(humanBands)
            boards[index].publicPrivateTau = boards[index].splitAgreement(primary: challenge.spec.primaryColumn)
            if boards[index].visibleSplits.contains(boards[index].rankingSplit) {
                let entries = boards[index].rows.compactMap { row in row.submissionID.map { (row.team, $0) } }
                let summaries = try store.splitSummaries(submissionIDs: entries.map(\.1), split: boards[index].rankingSplit,
                                                         challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion)
                // By name, as in `RankStability`: equal names of old teams share the first's curve, never trap.
                boards[index].curves = CurvePlot.curves(Dictionary(entries.compactMap { team, id in summaries[id].map { (team, $0) } },
                                                                   uniquingKeysWith: { first, _ in first }))
            }
        }
        return (challenge, boards)
    }
}
