import Foundation
import Imaging
import Store
import Studies
import TestSupport
import Testing

/// `study add` gives each item the picture its readers are shown: a tile's own PNG, a region read from its slide, or a
/// whole slide's overview, all kept in the blob store.
@Suite struct StudyPicturesCommandTests {
    static let slide = "Fixtures/slides/tiny-two-levels.tiff"

    @Test func eachTileKeepsItsOwnPNG() async throws {
        let folder = try await StudyFolder(study: StudyCommandTests.tilesStudy("tiles/manifest.json"), register: false)
        let export = try await ArbiterBinary.run(["tiles", "export", RepositoryFiles.url(Self.slide).path, "--out", folder.scratch.file("challenge/tiles"),
                                                  "--size", "16", "--min-tissue", "0", "--slide-mpp", "0.5"])
        #expect(export.status == 0, "\(export.stderr)")
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        try await folder.expectSuccess(["study", "add", folder.challenge])
        let (store, items) = try Self.items(folder)
        #expect(items.count == 10)
        for item in items {
            let digest = try #require(ItemDescription(item)?.image, "\(item.itemID) has no picture")
            let tile = try Data(contentsOf: URL(fileURLWithPath: folder.scratch.file("challenge/tiles/tiny-two-levels/\(item.itemID).png")))
            #expect(try store.blobs.read(digest) == [UInt8](tile))
        }
    }

    @Test func aRegionsPictureIsItsSlidesPixels() async throws {
        let study = StudyFolder.study.replacingOccurrences(
            of: "  slides:\n    - { id: s1, slide: s1 }\n    - { id: s2, slide: s2 }\n    - { id: s3, slide: s3 }\n    - { id: s4, slide: s4 }",
            with: "  regions:\n    - { id: r1, slide: tiny-two-levels, box: [3, 5, 20, 12] }\n    - { id: r2, slide: tiny-two-levels.tiff, box: [0, 0, 8, 8] }")
        let folder = try await StudyFolder(study: study, register: false)
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        try await folder.expectSuccess(["study", "add", folder.challenge, "--slides", RepositoryFiles.url("Fixtures/slides").path])
        let (store, items) = try Self.items(folder)
        let slide = try Slide(path: RepositoryFiles.url(Self.slide).path)
        for (item, box) in zip(items, [(3, 5, 20, 12), (0, 0, 8, 8)]) {
            let picture = try PNGCodec.decode(try store.blobs.read(try #require(ItemDescription(item)?.image)), channels: 4)
            #expect(picture == (try slide.readRegion(x: box.0, y: box.1, level: 0, width: box.2, height: box.3)).pngImage)
        }
    }

    @Test func aWholeSlidesPictureIsItsOverviewAndAnAddWithoutSlidesKeepsIt() async throws {
        let slides = try ScratchFolder()
        for name in ["s1", "s2", "s3", "s4"] {
            try FileManager.default.copyItem(atPath: RepositoryFiles.url(Self.slide).path, toPath: slides.file("\(name).tiff"))
        }
        let folder = try await StudyFolder(register: false)
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        try await folder.expectSuccess(["study", "add", folder.challenge, "--slides", slides.path])
        let level0 = try Slide(path: RepositoryFiles.url(Self.slide).path).levels[0]
        let first = try Self.items(folder).1.map { try #require(ItemDescription($0)?.image) }
        let picture = try PNGCodec.decode(try Self.items(folder).0.blobs.read(first[0]), channels: 3)
        #expect((picture.width, picture.height) == (level0.width, level0.height), "a slide under 2048 pixels is shown whole")
        try await folder.expectSuccess(["study", "add", folder.challenge])
        #expect(try Self.items(folder).1.map { ItemDescription($0)?.image } == first)
    }

    @Test func aSlideMissingFromTheFolderNamesItsItemAndTheFolder() async throws {
        let slides = try ScratchFolder()
        let folder = try await StudyFolder(register: false)
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        let run = try await folder.run(["study", "add", folder.challenge, "--slides", slides.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("item s1: no slide s1 in \(slides.path)"), "\(run.stderr)")
    }

    @Test func aJPEGTileIsRefusedWithHowToExportPNG() async throws {
        let folder = try await StudyFolder(study: StudyCommandTests.tilesStudy("tiles/manifest.json"), register: false)
        let export = try await ArbiterBinary.run(["tiles", "export", RepositoryFiles.url(Self.slide).path, "--out", folder.scratch.file("challenge/tiles"),
                                                  "--size", "16", "--min-tissue", "0", "--slide-mpp", "0.5", "--format", "jpeg"])
        #expect(export.status == 0, "\(export.stderr)")
        try await folder.expectSuccess(["challenge", "add", folder.challenge])
        let run = try await folder.run(["study", "add", folder.challenge])
        #expect(run.status != 0)
        #expect(run.stderr.contains("is a JPEG"), "\(run.stderr)")
        #expect(run.stderr.contains("`arbiter tiles export --format png`"), "\(run.stderr)")
    }

    /// The study's store and its items in order.
    static func items(_ folder: StudyFolder) throws -> (any ArbiterStore, [StudyItem]) {
        let store = try StoreFactory.open(database: nil, dataDirectory: URL(fileURLWithPath: folder.data))
        return (store, try store.studyItems(try store.study(challenge: "tissuenet-demo", slug: "grading")))
    }
}
