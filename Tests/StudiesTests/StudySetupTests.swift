import Challenge
import PlatformSupport
import Store
import Studies
import Testing

/// Setting a study up from its spec: items, a token per reader, balanced assignment; again, only what is new.
@Suite("Study setup")
struct StudySetupTests {
    @Test func everyReaderAndAdjudicatorGetsATokenBoundToTheirName() throws {
        let fixture = try StudyFixture()
        #expect(fixture.setup.issuedTokens.map(\.reader) == ["ana", "ben", "cleo", "ada"])
        for issued in fixture.setup.issuedTokens {
            let identity = try #require(try fixture.store.authenticate(token: issued.token))
            #expect(identity.role == .annotator)
            #expect(try fixture.study.member(tokenID: identity.tokenID, role: issued.role).name == issued.reader)
        }
    }

    @Test func everyItemIsAssignedToKReaders() throws {
        let fixture = try StudyFixture()
        for item in (1...6).map({ "r\($0)" }) {
            #expect(try fixture.readers(of: item).count == 2, "\(item)")
        }
        #expect(fixture.setup.addedAssignments == 12)
    }

    @Test func theSpecIsStoredAndReadBack() throws {
        let fixture = try StudyFixture()
        #expect(fixture.study.spec.readers == ["ana", "ben", "cleo"])
        #expect(fixture.study.spec.questions.label?.names == ["0", "1", "2"])
        #expect(try fixture.store.studyItems(fixture.study.study).count == 6)
    }

    @Test func settingUpAgainWithMoreItemsAssignsOnlyTheNewOnesAndIssuesNoTokens() throws {
        let fixture = try StudyFixture()
        let before = try ["ana", "ben", "cleo"].map { try fixture.items(of: $0) }
        let spec = try StudySpecParser.parse(yaml: StudyFixture.yaml(items: 9), file: "study.yaml", challenge: fixture.platform.spec)
        let again = try StudySetup(store: fixture.store).run(spec, challenge: "small", items: spec.items.records!, now: fixture.platform.at(5))
        #expect(again.issuedTokens.isEmpty)
        #expect(again.addedAssignments == 6)
        for (reader, earlier) in zip(["ana", "ben", "cleo"], before) {
            let now = try fixture.items(of: reader)
            #expect(Array(now.prefix(earlier.count)) == earlier, "\(reader)'s list kept its order")
            let ordinals = try fixture.store.progress(of: reader, in: fixture.study.study).assignments.map(\.assignment.ordinal)
            #expect(Set(ordinals).count == ordinals.count, "\(reader)'s ordinals are distinct")
        }
    }

    @Test func hiddenRepeatsAreAssigned() throws {
        let fixture = try StudyFixture(yaml: StudyFixture.yaml(repeats: "hidden-repeats: { share: 0.5, transforms: [rotate90], seed: 3 }"))
        let repeats = try ["ana", "ben", "cleo"].flatMap {
            try fixture.store.progress(of: $0, in: fixture.study.study).assignments.filter(\.assignment.isRepeat)
        }
        #expect(repeats.count == 6)
        #expect(repeats.allSatisfy { $0.assignment.transform == "rotate90" })
    }
}
