import Foundation
import PlatformSupport
import Store
import Testing

/// The adjudication queue: disputed items wait for an adjudicator, whose decision is final and audited.
@Suite("Store conformance: adjudication")
struct AdjudicationConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func openDisputesAreListedUntilResolved(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let first = try study.open("t1", reason: "tie 1-1", at: 30)
        let second = try study.open("t2", reason: "tie 0-2", at: 31)
        #expect(try study.open("t1", reason: "again", at: 32) == first)
        try study.resolve(first, by: "ada", label: "1", at: 40)
        #expect(try study.store.openDisputes(study.study) == [second])
        let all = try study.store.disputes(study.study, openOnly: false)
        #expect(all.map(\.itemID) == ["t1", "t2"])
        #expect(all.first?.decision
            == AdjudicationDecision(adjudicator: "ada", decidedAt: study.platform.at(40), decision: StudyDecision(label: "1")))
    }

    @Test(arguments: StoreAdapter.all)
    func resolvingADisputeTwiceIsRefused(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let dispute = try study.open("t3", reason: "tie", at: 30)
        try study.resolve(dispute, by: "ada", label: "2", at: 40)
        let refusal = #expect(throws: StoreError.self) { try study.resolve(dispute, by: "ada", label: "0", at: 41) }
        #expect(refusal == .disputeAlreadyResolved(study: "small/tiles", item: "t3", id: dispute.id, by: "ada"))
        #expect(try study.store.disputes(study.study, openOnly: false).first?.decision?.decision.label == "2")
    }

    @Test(arguments: StoreAdapter.all)
    func onlyAnAdjudicatorResolvesAndTheDecisionIsAudited(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let dispute = try study.open("t1", reason: "tie", at: 30)
        #expect(throws: StoreError.unknownStudyReader(study: "small/tiles", reader: "ana", role: "adjudicator")) {
            try study.resolve(dispute, by: "ana", label: "1", at: 40)
        }
        try study.resolve(dispute, by: "ada", label: "1", at: 41)
        let entry = try #require(try study.store.auditLog(challenge: "small").last)
        #expect((entry.action, entry.actor, entry.at) == ("study.adjudicated", "adjudicator:ada", study.platform.at(41)))
        #expect(entry.subject == "study tiles item t1")
    }
}

extension StudyPlatform {
    func open(_ item: String, reason: String, at offset: Double) throws -> StudyDispute {
        try store.openDispute(item: item, reason: reason, in: study, now: platform.at(offset))
    }

    @discardableResult
    func resolve(_ dispute: StudyDispute, by adjudicator: String, label: String, at offset: Double) throws -> StudyDispute {
        try store.resolveDispute(dispute.id, adjudicator: adjudicator, decision: StudyDecision(label: label), in: study,
                                 now: platform.at(offset))
    }
}
