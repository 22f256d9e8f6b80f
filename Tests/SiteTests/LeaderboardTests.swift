import Challenge
import Foundation
import Judge
import Site
import PlatformSupport
import Store
import Testing

@Suite("Leaderboard site")
struct LeaderboardTests {
    struct Built {
        let platform: Platform
        let folder: URL
        let files: [String: String]
        /// Every stored private-split aggregate, as the site would print it.
        let privateValues: [Double]
        let publicValues: [Double]
    }

    /// Three teams whose private-split results differ from their public ones.
    func build(publish: Bool = false, finalEntry: String = "best-public", extra: ((Platform, [String: String]) throws -> Void)? = nil) async throws -> Built {
        let platform = try Platform(limits: "{ total: 10 }", finalEntry: finalEntry)
        var tokens: [String: String] = [:]
        for team in ["alpha", "beta", "gamma"] { tokens[team] = try platform.addTeam(team) }
        try platform.submit(tokens["alpha"]!, [0, 1, 2, 0, 0, 0], at: 1)   // public perfect, private poor
        try platform.submit(tokens["beta"]!, [0, 1, 0, 0, 1, 2], at: 2)    // public good, private perfect
        try platform.submit(tokens["gamma"]!, [2, 2, 0, 1, 0, 1], at: 3)   // poor everywhere
        try extra?(platform, tokens)
        _ = try await Judge(store: platform.store, worker: "test", clock: { Platform.opens.addingTimeInterval(600) }).drain()
        if publish { try platform.store.publishPhase(try platform.phase(), challenge: "small", now: Platform.opens) }
        let folder = platform.folder.appendingPathComponent("site")
        try await LeaderboardSite(store: platform.store, assets: Platform.root.appendingPathComponent("Leaderboard"))
            .build(challenge: "small", output: folder, now: Platform.opens.addingTimeInterval(700))
        var files: [String: String] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        var privateValues: [Double] = []
        var publicValues: [Double] = []
        for id in Int64(1)...3 {
            let values = try platform.store.aggregates(submissionID: id, splits: [.public, .private])
            privateValues += values[.private]?.values.compactMap { $0 } ?? []
            publicValues += values[.public]?.values.compactMap { $0 } ?? []
        }
        return Built(platform: platform, folder: folder, files: files, privateValues: privateValues, publicValues: publicValues)
    }

    func rows(_ built: Built) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(try #require(built.files["leaderboard.json"]).utf8)) as? [String: Any]
        let phases = json?["phases"] as? [[String: Any]]
        return phases?.first?["rows"] as? [[String: Any]] ?? []
    }

    @Test func writesHTMLJSONAndCSV() async throws {
        let built = try await build()
        #expect(Set(built.files.keys.filter { !$0.hasPrefix("teams/") })
            == ["index.html", "style.css", "leaderboard.json", "final.csv", "final-ranks.svg", "final-significance.svg"])
        #expect(Set(built.files.keys.filter { $0.hasSuffix(".html") && $0.hasPrefix("teams/") })
            == ["teams/alpha.html", "teams/beta.html", "teams/gamma.html"])
        #expect(built.files["final.csv"]?.hasPrefix("rank,team,cost-matrix@public,accuracy@public,quadratic-weighted-kappa@public,score_interval_low@public,score_interval_high@public,rank_interval_low,rank_interval_high,p_rank_1,not_worse_than_leader,submissions,last_submission\n") == true)
    }

    @Test func noPrivateSplitNumberAppearsWhileThePhaseIsUnpublished() async throws {
        let built = try await build()
        let privateOnly = Set(built.privateValues).subtracting(built.publicValues)
        #expect(!privateOnly.isEmpty, "the fixture must give private values that differ from the public ones")
        for (name, text) in built.files { #expect(!text.contains("@private"), "\(name) has a private column") }
        // Every metric number in every output is a public-split value.
        let jsonValues = try rows(built).flatMap { ($0["values"] as? [String: Any] ?? [:]).values.compactMap { $0 as? Double } }
        #expect(Set(jsonValues).isSubset(of: built.publicValues), "JSON shows \(Set(jsonValues).subtracting(built.publicValues))")
        let csv = try #require(built.files["final.csv"]).split(separator: "\n")
        let metricColumns = csv[0].split(separator: ",").enumerated().filter { $0.element.contains("@") && !$0.element.contains("interval") }.map(\.offset)
        let csvValues = csv.dropFirst().flatMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return metricColumns.compactMap { Double(fields[$0]) }
        }
        #expect(!csvValues.isEmpty && Set(csvValues).isSubset(of: built.publicValues), "CSV shows \(Set(csvValues).subtracting(built.publicValues))")
        for (name, text) in built.files where name.hasPrefix("teams/") && name.hasSuffix(".json") {
            let team = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            let submissions = (team?["phases"] as? [[String: Any]] ?? []).flatMap { $0["submissions"] as? [[String: Any]] ?? [] }
            let values = submissions.flatMap { ($0["values"] as? [String: Any] ?? [:]).values.compactMap { $0 as? Double } }
            #expect(Set(values).isSubset(of: built.publicValues), "\(name) shows \(Set(values).subtracting(built.publicValues))")
        }
        let pages = built.files.filter { $0.key.hasSuffix(".html") }.values.joined()
        let shown = pages.components(separatedBy: "<td class=\"number\">").dropFirst()
            .map { String($0.prefix { $0 != "<" }) }.filter { $0.contains(".") }
        let publicRenderings = Set(built.publicValues.map { String(format: "%.4f", $0) })
        #expect(!shown.isEmpty && Set(shown).isSubset(of: publicRenderings), "HTML shows \(Set(shown).subtracting(publicRenderings))")
    }

    @Test func eachRankedTeamHasABootstrapRankIntervalAndABlobRow() async throws {
        let built = try await build()
        for row in try rows(built) where row["rank"] is Int {
            let interval = try #require(row["rankInterval"] as? [Double])
            #expect(interval[0] <= interval[1] && interval[0] >= 1 && interval[1] <= 3)
            #expect((0...1).contains(try #require(row["probabilityFirst"] as? Double)))
        }
        let svg = try #require(built.files["final-ranks.svg"])
        #expect(svg.contains("<title id=\"title\">"))
        for team in ["alpha", "beta", "gamma"] { #expect(svg.contains(">\(team)</text>")) }
        #expect(try #require(built.files["index.html"]).contains("final-ranks.svg"))
    }

    @Test func theLeaderIsInItsOwnFirstPlaceGroupAndTheMapCoversEveryPair() async throws {
        let built = try await build()
        let leader = try #require(try rows(built).first { ($0["rank"] as? Int) == 1 })
        #expect(leader["inFirstPlaceGroup"] as? Bool == true)
        #expect((leader["rankCounts"] as? [Int])?.reduce(0, +) == 1000)
        let svg = try #require(built.files["final-significance.svg"])
        // One cell per ordered pair; only cells carry a tooltip (the background and legend swatches close themselves).
        #expect(svg.components(separatedBy: "</rect>").count - 1 == 3 * 2)
        #expect(svg.contains("<desc id=\"desc\">"))
    }

    @Test func publishedPhasesShowHowThePublicAndPrivateRankingsAgree() async throws {
        let published = try await build(publish: true)
        let json = try JSONSerialization.jsonObject(with: Data(try #require(published.files["leaderboard.json"]).utf8)) as? [String: Any]
        let phase = (json?["phases"] as? [[String: Any]])?.first
        let tau = try #require(phase?["publicPrivateKendallTau"] as? Double)
        #expect((-1...1).contains(tau))
        #expect(try #require(published.files["index.html"]).contains("Kendall's tau-b ="))
        let unpublished = try await build()
        #expect(try #require(unpublished.files["index.html"]).contains("Kendall's tau-b =") == false)
    }

    @Test func eachTeamPageListsItsSubmissionsAndPlotsItsHistory() async throws {
        let built = try await build()
        let page = try #require(built.files["teams/alpha.html"])
        #expect(page.components(separatedBy: "<tr").count - 2 == 1)
        #expect(page.contains("95% bootstrap interval"))
        let plot = try #require(built.files["teams/alpha-final.svg"])
        #expect(plot.contains("<title id=\"title\">alpha: score history</title>"))
        #expect(try #require(built.files["index.html"]).contains("href=\"teams/alpha.html\""))
    }

    @Test func teamsWhoseNamesShareASlugGetAPageEach() async throws {
        let names = ["Team A", "team-a", "TEAM_A"]
        let built = try await build { platform, _ in
            for (index, name) in names.enumerated() {
                try platform.submit(try platform.addTeam(name), [0, 1, 2, 0, 1, index % 3], at: 4 + Double(index))
            }
        }
        let index = try #require(built.files["index.html"])
        var pages: [String: String] = [:]
        for name in names {
            let link = try #require(index.firstMatch(of: try Regex("href=\"(teams/[^\"]+\\.html)\">\(name)</a>")),
                                    "no link for \(name)")
            let page = String(try #require(link.output[1].substring))
            pages[name] = page
            #expect(try #require(built.files[page], "\(page) was not written").contains("<h1>\(name)</h1>"))
        }
        #expect(Set(pages.values).count == names.count, "\(pages)")
        // A name that is already its own slug keeps its plain page, as before.
        #expect(pages["team-a"] == "teams/team-a.html")
    }

    @Test func whileUnpublishedTeamsAreRankedOnThePublicSplit() async throws {
        let built = try await build()
        #expect(try rows(built).map { $0["team"] as? String } == ["alpha", "beta", "gamma"])
    }

    @Test func publishingRevealsAndRanksByThePrivateSplit() async throws {
        let built = try await build(publish: true)
        #expect(try rows(built).map { $0["team"] as? String } == ["beta", "gamma", "alpha"])
        #expect(built.files["final.csv"]?.contains("cost-matrix@private") == true)
    }

    @Test func everyMetricColumnSaysWhichWayIsBetter() async throws {
        let built = try await build()
        let html = try #require(built.files["index.html"])
        #expect(html.components(separatedBy: "higher is better</small>").count - 1 == 3)
    }

    @Test func bestPublicRuleKeepsATeamsBestEntryNotItsLatest() async throws {
        let built = try await build { platform, tokens in
            try platform.submit(tokens["alpha"]!, [2, 2, 2, 2, 2, 2], at: 5)
        }
        let alpha = try #require(try rows(built).first { $0["team"] as? String == "alpha" })
        #expect(alpha["submission"] as? Int == 1)
        #expect(alpha["submissions"] as? Int == 2)
    }

    @Test func latestRuleKeepsTheMostRecentEntry() async throws {
        let built = try await build(finalEntry: "latest") { platform, tokens in
            try platform.submit(tokens["alpha"]!, [2, 2, 2, 2, 2, 2], at: 5)
        }
        let alpha = try #require(try rows(built).first { $0["team"] as? String == "alpha" })
        #expect(alpha["submission"] as? Int == 4)
    }

    @Test func teamChoiceRuleKeepsTheChosenEntry() async throws {
        let built = try await build(finalEntry: "team-choice") { platform, tokens in
            try platform.submit(tokens["alpha"]!, [2, 2, 2, 2, 2, 2], at: 5)
            let team = try #require(try platform.store.authenticate(token: tokens["alpha"]!)?.team)
            try platform.store.chooseFinal(1, team: team, challenge: "small", now: Platform.opens.addingTimeInterval(6))
        }
        let alpha = try #require(try rows(built).first { $0["team"] as? String == "alpha" })
        #expect(alpha["submission"] as? Int == 1)
    }
}
