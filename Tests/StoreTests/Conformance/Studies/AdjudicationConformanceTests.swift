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
        let first = try study.store.openDispute(item: "t1", reason: "tie 1-1", in: study.study, now: study.platform.at(30))
        let second = try study.store.openDispute(item: "t2", reason: "tie 0-2", in: study.study, now: study.platform.at(31))
        #expect(try study.store.openDispute(item: "t1", reason: "again", in: study.study, now: study.platform.at(32)) == first)
        try study.store.resolveDispute(first.id, adjudicator: "ada", decision: StudyDecision(label: "1"), in: study.study, now: study.platform.at(40))
        #expect(try study.store.openDisputes(study.study) == [second])
        let all = try study.store.disputes(study.study, openOnly: false)
        #expect(all.map(\.itemID) == ["t1", "t2"])
        #expect(all.first?.decision == AdjudicationDecision(adjudicator: "ada", decidedAt: study.platform.at(40), decision: StudyDecision(label: "1")))
    }

    @Test(arguments: StoreAdapter.all)
    func resolvingADisputeTwiceIsRefused(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let dispute = try study.store.openDispute(item: "t3", reason: "tie", in: study.study, now: study.platform.at(30))
        try study.store.resolveDispute(dispute.id, adjudicator: "ada", decision: StudyDecision(label: "2"), in: study.study, now: study.platform.at(40))
        let refusal = #expect(throws: StoreError.self) {
            try study.store.resolveDispute(dispute.id, adjudicator: "ada", decision: StudyDecision(label: "0"), in: study.study, now: study.platform.at(41))
        }
        #expect(refusal == .disputeAlreadyResolved(study: "small/tiles", item: "t3", id: dispute.id, by: "ada"))
        #expect(try study.store.disputes(study.study, openOnly: false).first?.decision?.decision.label == "2")
    }

    @Test(arguments: StoreAdapter.all)
    func onlyAnAdjudicatorResolvesAndTheDecisionIsAudited(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let dispute = try study.store.openDispute(item: "t1", reason: "tie", in: study.study, now: study.platform.at(30))
        #expect(throws: StoreError.self) {
            try study.store.resolveDispute(dispute.id, adjudicator: "ana", decision: StudyDecision(label: "1"), in: study.study, now: study.platform.at(40))
        }
        try study.store.resolveDispute(dispute.id, adjudicator: "ada", decision: StudyDecision(label: "1", comment: "mitoses"), in: study.study,
                                       now: study.platform.at(41))
        let entry = try #require(try study.store.auditLog(challenge: "small").last)
        #expect((entry.action, entry.actor, entry.at) == ("study.adjudicated", "adjudicator:ada", study.platform.at(41)))
        #expect(entry.subject == "study tiles item t1")
    }
}
