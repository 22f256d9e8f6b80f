import Challenge
import Foundation
import PlatformSupport
import Store
import Studies
import Testing

/// The provenance written beside a consensus truth: which read versions voted, the recipe, the votes and alpha.
@Suite("Consensus provenance")
struct ConsensusProvenanceTests {
    /// r1: agreed on 2 (its first reader edited once); r2: tied, then settled by ada.
    static func settledFixture() throws -> StudyFixture {
        let fixture = try StudyFixture()
        let r1 = try fixture.readers(of: "r1")
        try fixture.read("r1", by: r1[0], label: "0", at: 10)
        try fixture.read("r1", by: r1[0], label: "2", at: 11)
        try fixture.read("r1", by: r1[1], label: "2", at: 12)
        let r2 = try fixture.readers(of: "r2")
        try fixture.read("r2", by: r2[0], label: "0", at: 13)
        try fixture.read("r2", by: r2[1], label: "1", at: 14)
        _ = try fixture.study.consensus(now: fixture.platform.at(20))
        let dispute = try #require(try fixture.store.openDisputes(fixture.study.study).first)
        try fixture.store.resolveDispute(dispute.id, adjudicator: "ada", decision: StudyDecision(label: "1"), in: fixture.study.study,
                                         now: fixture.platform.at(30))
        return fixture
    }

    static func truth(_ fixture: StudyFixture) throws -> ConsensusTruth {
        try fixture.study.consensusTruth(now: fixture.platform.at(40), split: .public, truthFile: "truth.csv")
    }

    @Test func eachItemNamesTheReadVersionsThatVotedAndItsVotes() throws {
        let fixture = try Self.settledFixture()
        let provenance = try Self.truth(fixture).provenance
        #expect(provenance.items.map(\.itemID) == ["r1", "r2"])
        let r1 = provenance.items[0]
        let readers = try fixture.readers(of: "r1").sorted()
        #expect(r1.reads.map(\.reader) == readers)
        let latest = try fixture.study.latestPlainReads().filter { $0.itemID == "r1" }
        #expect(r1.reads.map(\.id).sorted() == latest.map(\.id).sorted())
        #expect(Set(r1.reads.map(\.version)) == [1, 2])
        #expect(r1.reads.allSatisfy { $0.label == "2" })
        #expect(r1.votes == ["0": 0, "1": 0, "2": 2])
        #expect(r1.decidedBy == "majority" && r1.adjudicator == nil)
        #expect(provenance.items[1].decidedBy == "adjudication" && provenance.items[1].adjudicator == "ada")
        #expect(provenance.items[1].votes == ["0": 1, "1": 1, "2": 0])
        #expect(provenance.pending == ["r3", "r4", "r5", "r6"])
    }

    @Test func theRecipeAndTruthFileAreNamed() throws {
        let fixture = try Self.settledFixture()
        let truth = try Self.truth(fixture)
        let provenance = truth.provenance
        #expect(provenance.format == "arbiter-consensus-provenance/1")
        #expect(provenance.study == "small/grading")
        #expect(provenance.recipe.method == "majority")
        #expect(provenance.recipe.minimumReads == 2)
        #expect(provenance.recipe.classes == ["0", "1", "2"])
        #expect(provenance.recipe.specSHA256 == fixture.study.study.specSHA256)
        #expect(provenance.recipe.ties.hasPrefix("adjudication"))
        let file = try #require(provenance.truth)
        #expect(file.file == "truth.csv" && file.split == "public" && file.cases == 2)
        #expect(file.sha256 == ContentDigest.sha256(Array(truth.csv.utf8)))
        #expect(truth.csv == "case_id,label,split\nr1,2,public\nr2,1,public\n")
    }

    @Test func alphaIsTheStudysLabelAgreement() throws {
        let fixture = try Self.settledFixture()
        let provenance = try Self.truth(fixture).provenance
        let report = try fixture.study.labelAgreement()
        let agreement = try #require(provenance.agreement)
        #expect(agreement.items == report.items && agreement.reads == report.reads)
        #expect(agreement.krippendorffAlpha.keys.sorted() == ["nominal", "ordinal"])
        for (level, value) in report.krippendorffAlpha {
            #expect(agreement.krippendorffAlpha[level]?.value == value.value, "\(level)")
        }
    }

    @Test func theJSONHasSortedKeysAndIsTheSameEachTime() throws {
        let fixture = try Self.settledFixture()
        let first = try Self.truth(fixture).provenance.json()
        let second = try Self.truth(fixture).provenance.json()
        #expect(first == second)
        let text = try #require(String(data: first, encoding: .utf8))
        let topLevel = ["agreement", "disputed", "format", "items", "pending", "recipe", "study", "truth"]
        let places = topLevel.map { text.range(of: "\n  \"\($0)\" : ")?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "\(text)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())
        #expect(text.contains("\"adjudicator\" : null"))
        let object = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(object.keys.sorted() == topLevel)
    }

    @Test func theSidecarSitsBesideTheTruthFile() {
        #expect(ConsensusProvenance.path(besideTruth: "out/truth.csv") == "out/truth.csv.provenance.json")
    }
}
