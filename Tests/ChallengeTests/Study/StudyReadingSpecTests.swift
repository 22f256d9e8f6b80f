import Challenge
import Foundation
import Testing

/// Readers, reads per item, assignment, hidden repeats and truth: each failure mode is one issue with its key path,
/// line, column and a message naming the value.
@Suite("study spec: readers, assignment, repeats and truth")
struct StudyReadingSpecTests {
    func only(_ yaml: String) throws -> SpecIssue? {
        let found = try StudySpecExample.issues(yaml)
        #expect(found.count == 1, "\(found)")
        return found.first
    }

    @Test func unknownKeyIsAnIssue() throws {
        #expect(try only(StudySpecExample.valid + "\ntokens: [arb_123]") == SpecIssue(
            path: "tokens", line: 17, column: 1,
            message: "unknown key \"tokens\"; expected one of: adjudicators, assignment, hidden-repeats, items, questions, readers, reads-per-item, slug, title, truth"))
    }

    @Test func duplicateReaderNamesWhereItFirstAppears() throws {
        #expect(try only(StudySpecExample.replacingLine(11, with: "readers: [ana, ben, ana]")) == SpecIssue(
            path: "readers[2]", line: 11, column: 21, message: "reader \"ana\" appears twice (first at readers[0])"))
    }

    @Test func readerNameWithASpaceIsAnIssue() throws {
        #expect(try only(StudySpecExample.replacingLine(11, with: "readers: [\"ana b\", ben, chloe]")) == SpecIssue(
            path: "readers[0]", line: 11, column: 11, message: "reader \"ana b\" must be non-empty, without spaces, commas or quotes"))
    }

    @Test func emptyReaderNameIsAnIssue() throws {
        #expect(try only(StudySpecExample.replacingLine(11, with: "readers: [\"\", ben, chloe]")) == SpecIssue(
            path: "readers[0]", line: 11, column: 11, message: "reader \"\" must be non-empty, without spaces, commas or quotes"))
    }

    @Test func studyWithoutReadersIsAnIssue() throws {
        let found = try StudySpecExample.issues(StudySpecExample.replacingLine(11, with: "readers: []"))
        #expect(found == [SpecIssue(path: "readers", line: 11, column: 10, message: "the list is empty; name at least one reader")])
    }

    @Test func readsPerItemCannotExceedTheReaders() throws {
        #expect(try only(StudySpecExample.replacingLine(13, with: "reads-per-item: 4")) == SpecIssue(
            path: "reads-per-item", line: 13, column: 17,
            message: "reads-per-item 4 is more than the 3 readers: each item's reads come from distinct readers"))
    }

    @Test func readsPerItemIsAtLeastOne() throws {
        let found = try StudySpecExample.issues(StudySpecExample.replacingLine(13, with: "reads-per-item: 0"))
        #expect(found.first == SpecIssue(path: "reads-per-item", line: 13, column: 17, message: "expected an integer of at least 1, got 0"))
    }

    @Test func adaptiveAssignmentNeedsThreeReadsPerItem() throws {
        #expect(try only(StudySpecExample.replacingLine(14, with: "assignment: adaptive")) == SpecIssue(
            path: "reads-per-item", line: 13, column: 17,
            message: "adaptive assignment reads each item twice and a third time where the two disagree, so reads-per-item is 3; got 2"))
    }

    @Test func adaptiveAssignmentNeedsThreeReaders() throws {
        let yaml = StudySpecExample.replacingLine(11, with: "readers: [ana, ben]")
            .replacingOccurrences(of: "reads-per-item: 2\nassignment: blinded", with: "reads-per-item: 3\nassignment: adaptive")
        #expect(try only(yaml) == SpecIssue(
            path: "readers", line: 11, column: 10,
            message: "adaptive assignment needs at least 3 readers, so that a third read comes from someone else; got 2"))
    }

    @Test func adaptiveAssignmentWithThreeReadsAndReadersIsValid() throws {
        let spec = try StudySpecExample.parse(
            StudySpecExample.valid.replacingOccurrences(of: "reads-per-item: 2\nassignment: blinded", with: "reads-per-item: 3\nassignment: adaptive"))
        #expect(spec.assignment == .adaptive)
        #expect(spec.readsPerItem == 3)
    }

    @Test func hiddenRepeatShareAboveHalfIsAnIssue() throws {
        #expect(try only(StudySpecExample.replacingLine(15, with: "hidden-repeats: { share: 0.6, transforms: [rotate90], seed: 7 }")) == SpecIssue(
            path: "hidden-repeats.share", line: 15, column: 26, message: "share 0.6 is outside (0, 0.5]: repeat some items, and at most half of them"))
    }

    @Test func unknownRepeatTransformIsAnIssue() throws {
        #expect(try only(StudySpecExample.replacingLine(15, with: "hidden-repeats: { share: 0.25, transforms: [rotate90, rotate45], seed: 7 }")) == SpecIssue(
            path: "hidden-repeats.transforms[1]", line: 15, column: 55,
            message: "unknown value \"rotate45\"; expected one of \"rotate90\", \"rotate180\", \"rotate270\", \"flip-horizontal\", \"flip-vertical\""))
    }

    @Test func minReadsAboveTheReadsAnItemGetsIsAnIssue() throws {
        #expect(try only(StudySpecExample.replacingLine(16, with: "truth: { consensus: majority, min-reads: 3 }")) == SpecIssue(
            path: "truth.min-reads", line: 16, column: 42,
            message: "min-reads 3 is more than the 2 reads some items get under this assignment, so they would never become truth"))
    }

    @Test func stapleConsensusNeedsPolygonsOrBoxes() throws {
        let yaml = StudySpecExample.replacingLine(16, with: "truth: { consensus: staple, min-reads: 2 }")
            .replacingOccurrences(of: "kinds: [point, polygon]", with: "kinds: [point]")
        #expect(try only(yaml) == SpecIssue(
            path: "truth.consensus", line: 16, column: 21,
            message: "staple consensus combines masks, which need polygon or box shapes; the study asks for none"))
    }

    @Test func majorityConsensusNeedsALabel() throws {
        #expect(try only(StudySpecExample.replacingLine(8, with: nil)) == SpecIssue(
            path: "truth.consensus", line: 15, column: 21,
            message: "majority consensus votes on labels, and the study asks for none; add a `label` question or use staple"))
    }
}
