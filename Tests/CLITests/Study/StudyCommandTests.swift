import Foundation
import TestSupport
import Testing

/// `arbiter study …` on a small study of the tissuenet-demo challenge (see `StudyFolder`).
@Suite struct StudyCommandTests {
    /// Both readers agree on s1–s3 and tie on s4.
    static let tiedReads = "s1,ana,0\ns1,ben,0\ns2,ana,1\ns2,ben,1\ns3,ana,3\ns3,ben,3\ns4,ana,1\ns4,ben,2\n"

    @Test func addPrintsEachNewTokenOnceAndNoneTheSecondTime() async throws {
        let folder = try await StudyFolder(register: false)
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        let first = try await folder.expectSuccess(["study", "add", folder.challenge])
        for line in ["reader ana: arb_", "reader ben: arb_", "adjudicator ada: arb_", "8 assignments added"] {
            #expect(first.stdout.contains(line), "\(first.stdout)")
        }
        let again = try await folder.expectSuccess(["study", "add", folder.challenge])
        #expect(!again.stdout.contains("arb_"), "\(again.stdout)")
        #expect(again.stdout.contains("0 assignments added"), "\(again.stdout)")
    }

    @Test func addingTheStudyOfAnUnregisteredChallengeSaysToAddTheChallengeFirst() async throws {
        let folder = try await StudyFolder(register: false)
        let run = try await folder.run(["study", "add", folder.challenge])
        #expect(run.status != 0)
        #expect(run.stderr.contains("challenge \"tissuenet-demo\" is not registered; run `arbiter challenge add"), "\(run.stderr)")
        #expect(!run.stdout.contains("arb_"))
    }

    @Test func aBrokenStudyIsRefusedWithItsLineAndNothingIsStored() async throws {
        let folder = try await StudyFolder(study: StudyFolder.study.replacingOccurrences(of: "reads-per-item: 2", with: "reads-per-item: 5"),
                                           register: false)
        let run = try await folder.run(["study", "add", folder.challenge])
        #expect(run.status != 0)
        #expect(run.stderr.contains("study.yaml, line 14, column 17, reads-per-item: reads-per-item 5 is more than the 2 readers"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.data), "the store is not opened for a broken study")
    }

    @Test func importWithABadLabelReportsItsLineAndSavesNothing() async throws {
        let folder = try await StudyFolder()
        let run = try await folder.importReads("s1,ana,0\ns1,ben,7\ns2,cleo,1\n")
        #expect(run.status != 0)
        #expect(run.stderr.contains("line 3, column 3 (label), case s1: \"7\" is not one of the study's classes"), "\(run.stderr)")
        #expect(run.stderr.contains("line 4, column 2 (reader), case s2: \"cleo\" is not a reader"), "\(run.stderr)")
        let export = try await folder.expectSuccess(["study", "reads", "export", "tissuenet-demo", "grading"])
        #expect(export.stdout == "item_id,reader,version,label,seconds_spent,created_at,comment,is_repeat\n", "the valid row was not saved")
    }

    @Test func exportGivesBackWhatImportSaved() async throws {
        let folder = try await StudyFolder()
        try await folder.importReads(Self.tiedReads, extra: ["--seconds-spent", "30"])
        let path = try folder.scratch.write(Array("item_id,reader,label,comment\ns1,ana,1,\"second look, \"\"grade 1\"\"\"\n".utf8), to: "edit.csv")
        try await folder.expectSuccess(["study", "reads", "import", "tissuenet-demo", "grading", path])
        let latest = try await folder.expectSuccess(["study", "reads", "export", "tissuenet-demo", "grading"]).stdout
        let rows = latest.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 8)
        #expect(rows.map { "\($0[0]),\($0[1]),\($0[3])" }.sorted() == Self.tiedReads.split(separator: "\n").map(String.init)
            .map { $0 == "s1,ana,0" ? "s1,ana,1" : $0 }.sorted())
        #expect(latest.contains("s1,ana,2,1,0,"), "the edit is version 2: \(latest)")
        #expect(latest.contains("\"second look, \"\"grade 1\"\"\",false"), "comments are CSV-quoted: \(latest)")
        #expect(rows.filter { $0[0] != "s1" || $0[1] != "ana" }.allSatisfy { $0[2] == "1" && $0[4] == "30" && $0[7] == "false" })
        let all = try await folder.expectSuccess(["study", "reads", "export", "tissuenet-demo", "grading", "--all-versions"]).stdout
        #expect(all.contains("s1,ana,1,0,30,") && all.contains("s1,ana,2,1,0,"), "\(all)")
    }

    @Test func importingTheSameFileTwiceSavesNoNewVersions() async throws {
        let folder = try await StudyFolder()
        let path = try folder.scratch.write(Array("item_id,reader,label\ns1,ana,0\n".utf8), to: "reads.csv")
        try await folder.expectSuccess(["study", "reads", "import", "tissuenet-demo", "grading", path])
        let again = try await folder.expectSuccess(["study", "reads", "import", "tissuenet-demo", "grading", path])
        #expect(again.stdout.contains("saved 0 reads") && again.stdout.contains("1 already imported"), "\(again.stdout)")
    }

    @Test func agreementJSONHasTheStatistics() async throws {
        let folder = try await StudyFolder()
        try await folder.importReads(Self.tiedReads)
        let run = try await folder.expectSuccess(["study", "agreement", "tissuenet-demo", "grading", "--weights", "quadratic", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let agreement = try #require(json["agreement"] as? [String: Any])
        #expect(agreement["items"] as? Int == 4)
        #expect(agreement["readers"] as? [String] == ["ana", "ben"])
        #expect(agreement["weights"] as? String == "quadratic")
        let pairs = try #require(agreement["cohenKappa"] as? [[String: Any]])
        #expect(pairs.count == 1)
        let alpha = try #require(agreement["krippendorffAlpha"] as? [String: Any])
        #expect(Set(alpha.keys) == ["nominal", "ordinal"])
        let percent = try #require((agreement["percentAgreement"] as? [String: Any])?["value"] as? Double)
        #expect(abs(percent - 0.75) < 1e-12)
        #expect(json["selfConsistency"] as? [Any] != nil)
    }

    @Test func costMatrixWeightsTakeTheRegisteredChallengesMatrix() async throws {
        let folder = try await StudyFolder()
        try await folder.importReads(Self.tiedReads)
        let run = try await folder.expectSuccess(["study", "agreement", "tissuenet-demo", "grading", "--weights", "cost-matrix"])
        #expect(run.stdout.contains("Cohen's kappa (weights: cost-matrix):") && run.stdout.contains("ana vs ben: "), "\(run.stdout)")
    }

    @Test func consensusWritesATruthFileThatTruthImportTakes() async throws {
        let folder = try await StudyFolder()
        try await folder.importReads(Self.tiedReads)
        let truth = folder.scratch.file("truth.csv")
        let run = try await folder.expectSuccess(["study", "consensus", "tissuenet-demo", "grading", "--out", truth, "--split", "public"])
        #expect(run.stdout.contains("3 labelled (0 by adjudication), 1 disputed (in the adjudication queue), 0 pending"), "\(run.stdout)")
        #expect(try String(contentsOfFile: truth, encoding: .utf8) == "case_id,label,split\ns1,0,public\ns2,1,public\ns3,3,public\n")
        let provenance = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth + ".provenance.json")))
        let object = try #require(provenance as? [String: Any])
        #expect(object["format"] as? String == "arbiter-consensus-provenance/1")
        #expect((object["items"] as? [[String: Any]])?.map { $0["itemID"] as? String } == ["s1", "s2", "s3"])
        #expect((object["disputed"] as? [String]) == ["s4"])
        let imported = try await folder.expectSuccess(["truth", "import", "tissuenet-demo", truth])
        #expect(imported.stdout.contains("imported 3 cases (3 public, 0 private)"), "\(imported.stdout)")
    }

    @Test func adjudicationSettlesATieSoTheNextConsensusIncludesIt() async throws {
        let folder = try await StudyFolder()
        try await folder.importReads(Self.tiedReads)
        let truth = folder.scratch.file("truth.csv")
        try await folder.expectSuccess(["study", "consensus", "tissuenet-demo", "grading", "--out", truth])
        let disputes = try await folder.expectSuccess(["study", "disputes", "tissuenet-demo", "grading"])
        #expect(disputes.stdout.contains("s4: majority tied between 1, 2 (ana 1, ben 2)"), "\(disputes.stdout)")
        let refused = try await folder.run(["study", "adjudicate", "tissuenet-demo", "grading", "s4", "--adjudicator", "ada", "--label", "9"])
        #expect(refused.status != 0 && refused.stderr.contains("--label \"9\" is not one of the study's classes"), "\(refused.stderr)")
        try await folder.expectSuccess(["study", "adjudicate", "tissuenet-demo", "grading", "s4", "--adjudicator", "ada", "--label", "2"])
        let run = try await folder.expectSuccess(["study", "consensus", "tissuenet-demo", "grading", "--out", truth])
        #expect(run.stdout.contains("4 labelled (1 by adjudication), 0 disputed"), "\(run.stdout)")
        #expect(try String(contentsOfFile: truth, encoding: .utf8).contains("s4,2,private\n"))
    }

    @Test func progressCountsEachReadersReads() async throws {
        let folder = try await StudyFolder()
        try await folder.importReads("s1,ana,0\ns2,ana,1\ns1,ben,0\n")
        let run = try await folder.expectSuccess(["study", "progress", "tissuenet-demo", "grading"])
        #expect(run.stdout.contains("ana: 2 of 4 read\nben: 1 of 4 read\n"), "\(run.stdout)")
    }

    @Test func theTilesOfATilesExportManifestAreTheItems() async throws {
        let folder = try await StudyFolder(study: Self.tilesStudy("tiles/manifest.json"), register: false)
        let slide = RepositoryFiles.url("Fixtures/slides/tiny-two-levels.tiff").path
        let export = try await ArbiterBinary.run(
            ["tiles", "export", slide, "--out", folder.scratch.file("challenge/tiles"), "--size", "16", "--min-tissue", "0", "--slide-mpp", "0.5"])
        #expect(export.status == 0 && export.stdout.contains("10 tiles from 1 slides"), "\(export.stdout)\(export.stderr)")
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        let added = try await folder.expectSuccess(["study", "add", folder.challenge])
        #expect(added.stdout.contains("20 assignments added"), "\(added.stdout)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.scratch.file("challenge/tiles/manifest.json"))))
        let tile = try #require(((manifest as? [[String: Any]])?.first)?["tile_id"] as? String)
        try await folder.importReads("\(tile),ana,2\n")
        let reads = try await folder.expectSuccess(["study", "reads", "export", "tissuenet-demo", "grading"])
        #expect(reads.stdout.contains("\n\(tile),ana,1,2,0,"), "\(reads.stdout)")
    }

    @Test func aManifestThatIsNotOneIsRefusedWithItsPath() async throws {
        let folder = try await StudyFolder(study: Self.tilesStudy("manifest.json"), register: false)
        _ = try folder.scratch.write(Array("[{\"tile_id\": \"t1\"}]".utf8), to: "challenge/manifest.json")
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        let run = try await folder.run(["study", "add", folder.challenge])
        #expect(run.status != 0)
        #expect(run.stderr.contains("manifest.json is not an `arbiter tiles export` manifest (manifest.json): tile 1: no \"slide\""), "\(run.stderr)")
    }

    /// The study reading the tiles of `manifest` instead of four slides.
    static func tilesStudy(_ manifest: String) -> String {
        StudyFolder.study.replacingOccurrences(
            of: "  slides:\n    - { id: s1, slide: s1 }\n    - { id: s2, slide: s2 }\n    - { id: s3, slide: s3 }\n    - { id: s4, slide: s4 }",
            with: "  tiles: \(manifest)")
    }
}
