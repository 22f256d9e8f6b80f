import Challenge
import Foundation
import Judge
import PlatformSupport
import Site
import Store
import Testing

@Suite("Leaderboard site: the human readers' band")
struct HumanBandSiteTests {
    static let band = HumanBand(study: "Grading", readers: [
        .init(name: "Reader 1", value: 0.9, items: 4), .init(name: "Reader 2", value: 0.625, items: 3),
    ])

    /// The three teams of `LeaderboardTests`, on a phase that shows the study `grading` when `enabled`; the site is
    /// given the band either way.
    func build(enabled: Bool) async throws -> [String: String] {
        var yaml = Platform.yaml(limits: "{ total: 10 }")
        if enabled { yaml = yaml.replacingOccurrences(of: "    final-entry: best-public", with: "    final-entry: best-public\n    human-band: grading") }
        let platform = try Platform(store: try StoreAdapter.sqlite.open(), yaml: yaml)
        #expect(try platform.phase().spec.humanBand == (enabled ? "grading" : nil))
        for (team, labels) in [("alpha", [0, 1, 2, 0, 0, 0]), ("beta", [0, 1, 0, 0, 1, 2]), ("gamma", [2, 2, 0, 1, 0, 1])] {
            try platform.submit(try platform.addTeam(team), labels, at: 1)
        }
        _ = try await Judge(store: platform.store, worker: "test", clock: { Platform.opens.addingTimeInterval(600) }).drain()
        let folder = platform.folder.appendingPathComponent("site")
        try await LeaderboardSite(store: platform.store, assets: Platform.root.appendingPathComponent("Leaderboard"))
            .build(challenge: "small", output: folder, now: Platform.opens.addingTimeInterval(700), humanBands: ["final": [.public: Self.band]])
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.contains(".") {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    func phase(_ files: [String: String]) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(try #require(files["leaderboard.json"]).utf8)) as? [String: Any]
        return try #require((json?["phases"] as? [[String: Any]])?.first)
    }

    func ranks(_ phase: [String: Any]) -> [String] {
        (phase["rows"] as? [[String: Any]] ?? []).map { "\($0["rank"] ?? "-") \($0["team"] ?? "")" }
    }

    @Test func anEnabledPhaseShowsTheBandOnTheScoreAxisAndUnrankedReaderRows() async throws {
        let files = try await build(enabled: true)
        let html = try #require(files["index.html"])
        #expect(html.components(separatedBy: "<tr class=\"human\">").count - 1 == 2)
        #expect(html.contains("Reader 1 <small>human reader</small>"))
        #expect(html.contains("<img src=\"final-scores.svg\""))
        #expect(html.contains("range 0.6250 to 0.9000"))
        let svg = try #require(files["final-scores.svg"])
        #expect(svg.components(separatedBy: "class=\"human-band\"").count - 1 == 1)
        #expect(files["final-human-readers.csv"] == "reader,cost-matrix@public,items\nReader 1,0.9,4\nReader 2,0.625,3\n")
    }

    @Test func readersAreASeparateJSONFieldAndNeverRanked() async throws {
        let phase = try phase(try await build(enabled: true))
        let readers = try #require(phase["humanReaders"] as? [String: Any])
        #expect(readers["range"] as? [Double] == [0.625, 0.9])
        #expect(readers["value"] as? String == "cost-matrix@public")
        #expect((readers["readers"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Reader 1", "Reader 2"])
        #expect(!ranks(phase).contains { $0.contains("Reader") })
        #expect(ranks(phase).count == 3)
    }

    @Test func theTeamsRanksAreTheSameWithAndWithoutTheBand() async throws {
        let with = ranks(try phase(try await build(enabled: true)))
        let without = ranks(try phase(try await build(enabled: false)))
        #expect(with == without)
        #expect(with.first?.hasPrefix("1 ") == true)
    }

    @Test func aPhaseThatDoesNotAskShowsNoBand() async throws {
        let files = try await build(enabled: false)
        #expect(files["final-scores.svg"] == nil)
        #expect(files["final-human-readers.csv"] == nil)
        #expect(!(files["index.html"] ?? "").contains("human reader"))
        #expect(try phase(files)["humanReaders"] == nil)
    }

    @Test func readersWithNoScoredCaseOnTheRankingSplitAreSaidAndNoRowsAppear() async throws {
        var yaml = Platform.yaml(limits: "{ total: 10 }")
        yaml = yaml.replacingOccurrences(of: "    final-entry: best-public", with: "    final-entry: best-public\n    human-band: grading")
        let platform = try Platform(store: try StoreAdapter.sqlite.open(), yaml: yaml)
        let band = HumanBand(study: "Grading", readers: [.init(name: "Reader 1", value: nil, items: 0)])
        let (html, _) = try await ChallengeReport(store: platform.store).render(
            challenge: "small", now: Platform.opens.addingTimeInterval(700), humanBands: ["final": [.public: band]])
        #expect(html.contains("Human readers of the study “Grading” are not shown: none of their reads of the public cases could be scored"))
        #expect(!html.contains("<tr class=\"human\">"))
    }

    @Test func aMetricThatCannotScoreReadersIsSaidAndNoRowsAppear() async throws {
        var yaml = Platform.yaml(limits: "{ total: 10 }")
        yaml = yaml.replacingOccurrences(of: "    final-entry: best-public", with: "    final-entry: best-public\n    human-band: grading")
        let platform = try Platform(store: try StoreAdapter.sqlite.open(), yaml: yaml)
        let band = HumanBand(study: "Grading", readers: [], notApplicable: "AUROC needs probabilities")
        let (html, _) = try await ChallengeReport(store: platform.store).render(
            challenge: "small", now: Platform.opens.addingTimeInterval(700), humanBands: ["final": [.public: band]])
        #expect(html.contains("Human readers of the study “Grading” are not shown: AUROC needs probabilities."))
        #expect(!html.contains("<tr class=\"human\">"))
    }
}
