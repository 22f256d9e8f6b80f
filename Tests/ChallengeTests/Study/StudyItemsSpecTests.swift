import Challenge
import Foundation
import Testing

/// `items`: each failure mode is one issue with its key path, line, column and a message naming the value.
@Suite("study spec: items")
struct StudyItemsSpecTests {
    func only(_ yaml: String) throws -> SpecIssue? {
        let found = try StudySpecExample.issues(yaml)
        #expect(found.count == 1, "\(found)")
        return found.first
    }

    @Test func twoItemKindsAreAnIssueAtTheSecond() throws {
        let yaml = StudySpecExample.replacingLines(
            6...6, with: "    - { id: r2, slide: B0003_S3, box: [1024, 2048, 512, 256], mpp: 0.5 }\n  slides: [{ id: s1, slide: B0001_S3 }]")
        #expect(try only(yaml) == SpecIssue(
            path: "items.slides", line: 7, column: 3,
            message: "a study reads one kind of item, and `regions` is already given; remove `slides`"))
    }

    @Test func itemsWithoutAKindAreAnIssue() throws {
        let yaml = StudySpecExample.replacingLines(3...6, with: "items: {}")
        #expect(try only(yaml) == SpecIssue(
            path: "items", line: 3, column: 8, message: "no items; give one of `tiles` (a tile-set manifest), `regions` or `slides`"))
    }

    @Test func emptyItemListIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLines(4...6, with: "  regions: []")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions", line: 4, column: 12, message: "the list is empty; a study needs at least one item"))
    }

    @Test func duplicateItemIdNamesWhereItFirstAppears() throws {
        let yaml = StudySpecExample.replacingLine(6, with: "    - { id: r1, slide: B0003_S3, box: [1024, 2048, 512, 256], mpp: 0.5 }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[1].id", line: 6, column: 13, message: "item id \"r1\" appears twice (first at items.regions[0])"))
    }

    @Test func boxOfZeroWidthIsAnIssueAtTheWidth() throws {
        let yaml = StudySpecExample.replacingLine(5, with: "    - { id: r1, slide: B0001_S3, box: [0, 0, 0, 512] }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[0].box", line: 5, column: 46, message: "width is 0; a box's width and height are positive"))
    }

    @Test func fractionalBoxIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLine(5, with: "    - { id: r1, slide: B0001_S3, box: [0, 0, 512.5, 512] }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[0].box", line: 5, column: 46, message: "width must be a whole number of level-0 pixels, got \"512.5\""))
    }

    @Test func boxCornerOffTheSlideIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLine(5, with: "    - { id: r1, slide: B0001_S3, box: [-1, 0, 512, 512] }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[0].box", line: 5, column: 40, message: "x is -1; a box's corner lies on the slide (0 or more)"))
    }

    @Test func boxPastAnySlideIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLine(5, with: "    - { id: r1, slide: B0001_S3, box: [0, 0, 512, 99999999999] }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[0].box", line: 5, column: 51,
            message: "height is 99999999999, past any slide; level-0 coordinates and sizes are at most 2147483647"))
    }

    @Test func boxOfThreeValuesIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLine(5, with: "    - { id: r1, slide: B0001_S3, box: [0, 512, 512] }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[0].box", line: 5, column: 39, message: "expected [x, y, width, height] in level-0 pixels, got 3 values"))
    }

    @Test func emptySlideNameIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLine(5, with: "    - { id: r1, slide: \"\", box: [0, 0, 512, 512] }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[0].slide", line: 5, column: 24,
            message: "the slide name is empty; name the slide's file without its extension"))
    }

    @Test func unknownKeyInARegionIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLine(5, with: "    - { id: r1, slide: B0001_S3, box: [0, 0, 512, 512], colour: red }")
        #expect(try only(yaml) == SpecIssue(
            path: "items.regions[0].colour", line: 5, column: 57, message: "unknown key \"colour\"; expected one of: box, id, mpp, slide"))
    }

    @Test func tileManifestOutsideTheChallengeFolderIsAnIssue() throws {
        let yaml = StudySpecExample.replacingLines(4...6, with: "  tiles: ../tiles/manifest.json")
        #expect(try only(yaml) == SpecIssue(
            path: "items.tiles", line: 4, column: 10,
            message: "\"../tiles/manifest.json\": name the manifest relative to the challenge's folder, without \"..\", a leading \"/\" or empty parts"))
    }

    @Test func tileManifestMustBeTheJSONOne() throws {
        let yaml = StudySpecExample.replacingLines(4...6, with: "  tiles: tiles/manifest.csv")
        #expect(try only(yaml) == SpecIssue(
            path: "items.tiles", line: 4, column: 10,
            message: "\"tiles/manifest.csv\" is not a JSON manifest; name the manifest.json that `arbiter tiles export` writes in its --out folder"))
    }
}
