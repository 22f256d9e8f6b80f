import Foundation
import PlatformSupport
import Store
import Testing

/// A challenge's studies, their items and the readers bound to annotator tokens.
@Suite("Store conformance: studies")
struct StudyConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func registeredStudyIsFoundBySlugsWithItsItemsAndAudited(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let found = try study.store.study(challenge: "small", slug: "tiles")
        #expect(found == study.study)
        #expect(found.specSHA256 == ContentDigest.sha256(Array("readers: [ana, ben]\n".utf8)))
        #expect(try study.store.studies(challenge: "small").map(\.slug) == ["tiles"])
        #expect(try study.store.studyItems(found) == StudyPlatform.items)
        let audit = try study.store.auditLog(challenge: "small")
        #expect(audit.contains { $0.action == "study.added" && $0.fileSHA256 == found.specSHA256 })
        #expect(throws: StoreError.unknownStudy(challenge: "small", study: "nope")) {
            try study.store.study(challenge: "small", slug: "nope")
        }
    }

    @Test(arguments: StoreAdapter.all)
    func registeringAgainUpdatesTheSpecAndAddsItems(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let t4 = StudyItem(itemID: "t4", kind: "region", description: #"{"slide":"s2.svs","box":[10,10,90,90]}"#)
        let updated = try study.store.registerStudy(
            StudyRegistration(challenge: "small", slug: "tiles", specText: "v2\n", items: [t4]), now: study.platform.at(50))
        #expect(updated.id == study.study.id)
        #expect((updated.specText, updated.createdAt, updated.updatedAt) == ("v2\n", study.platform.at(0), study.platform.at(50)))
        #expect(try study.store.studyItems(updated).map(\.itemID) == ["t1", "t2", "t3", "t4"])
        #expect(try study.store.auditLog(challenge: "small").last?.action == "study.updated")
    }

    @Test(arguments: StoreAdapter.all)
    func removingAnItemWithReadsIsRefusedNamingTheItem(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        try study.read("t2", by: "ben", label: "1")
        let refusal = #expect(throws: StoreError.self) {
            try study.store.removeStudyItem("t2", from: study.study, now: study.platform.at(20))
        }
        #expect(refusal == .studyItemHasReads(study: "small/tiles", item: "t2", reads: 1))
        #expect(refusal.map { "\($0)".contains("item \"t2\"") } == true)
        try study.store.removeStudyItem("t3", from: study.study, now: study.platform.at(20))
        #expect(try study.store.studyItems(study.study).map(\.itemID) == ["t1", "t2"])
        #expect(try study.store.progress(of: "ana", in: study.study).assignments.map(\.assignment.itemID) == ["t1", "t2", "t1"])
    }

    @Test(arguments: StoreAdapter.all)
    func changingAnItemWithReadsIsRefused(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        try study.read("t1", by: "ana", label: "1")
        let moved = StudyItem(itemID: "t1", kind: "tile", description: #"{"slide":"s1.svs","box":[512,0,512,512]}"#)
        #expect(throws: StoreError.studyItemHasReads(study: "small/tiles", item: "t1", reads: 1)) {
            try study.store.addStudyItems([moved], to: study.study, now: study.platform.at(20))
        }
        #expect(try study.store.studyItems(study.study) == StudyPlatform.items)
    }

    @Test(arguments: StoreAdapter.all)
    func assignmentIsUniquePerItemReaderAndRepeat(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let again = [StudyAssignment(itemID: "t1", reader: "ana", ordinal: 9),
                     StudyAssignment(itemID: "t2", reader: "ben", ordinal: 9, isRepeat: true)]
        #expect(try study.store.assign(again, in: study.study, now: study.platform.at(5)) == 1)
        let ana = try study.store.progress(of: "ana", in: study.study).assignments.map(\.assignment)
        #expect(ana.filter { $0.itemID == "t1" }.map(\.ordinal) == [1, 4])
    }

    @Test(arguments: StoreAdapter.all)
    func annotatorTokenActsAsTheReaderItIsBoundTo(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let issued = try study.store.issueToken(role: .annotator, team: nil, label: "cy", now: study.platform.at(0))
        try study.store.addStudyReader("cy", role: .reader, tokenID: issued.record.id, to: study.study, now: study.platform.at(1))
        let identity = try #require(try study.store.authenticate(token: issued.token))
        #expect(identity.tokenID == issued.record.id)
        #expect(try study.store.studyReader(tokenID: identity.tokenID, in: study.study)
            == StudyReader(name: "cy", role: .reader, tokenID: issued.record.id))
        #expect(try study.store.studyReaders(study.study).map(\.name) == ["ada", "ana", "ben", "cy"])
    }

    @Test(arguments: StoreAdapter.all)
    func onlyALiveAnnotatorTokenNotBoundElsewhereCanBeAReader(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        func bind(_ name: String, _ token: Int64) throws {
            try study.store.addStudyReader(name, role: .reader, tokenID: token, to: study.study, now: study.platform.at(2))
        }
        let organiser = try study.store.issueToken(role: .organiser, now: study.platform.at(0))
        #expect(throws: StoreError.self) { try bind("org", organiser.record.id) }
        let revoked = try study.store.issueToken(role: .annotator, now: study.platform.at(0))
        try study.store.revokeToken(revoked.record.id, now: study.platform.at(1))
        #expect(throws: StoreError.self) { try bind("old", revoked.record.id) }
        let anaToken = try #require(study.tokens["ana"])
        #expect(throws: StoreError.self) { try bind("ana2", anaToken) }
        try bind("ana", anaToken)
        #expect(try study.store.studyReaders(study.study).count == 3)
    }

    @Test(arguments: StoreAdapter.all)
    func removingAnItemThatWasDisputedIsRefused(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        try study.store.openDispute(item: "t3", reason: "unreadable", in: study.study, now: study.platform.at(20))
        let refusal = #expect(throws: StoreError.self) {
            try study.store.removeStudyItem("t3", from: study.study, now: study.platform.at(21))
        }
        #expect(refusal.map { "\($0)".contains("item \"t3\" has 1 dispute") } == true)
        #expect(try study.store.studyItems(study.study).count == 3)
    }
}
