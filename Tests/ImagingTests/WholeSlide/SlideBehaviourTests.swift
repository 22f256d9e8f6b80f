import Foundation
import Imaging
import Testing
import Scoring
import TestSupport

@Suite struct SlideBehaviourTests {
    static let fixture = RepositoryFiles.path("Fixtures/slides/tifffile-jpeg-ycbcr.tiff")

    @Test func bestLevelIsTheLastWhoseDownsampleFits() throws {
        let slide = try Slide(path: Self.fixture)
        #expect(slide.levels.map(\.downsample).count == 3)
        #expect(slide.bestLevel(forDownsample: 0.5) == 0)
        #expect(slide.bestLevel(forDownsample: 1) == 0)
        #expect(slide.bestLevel(forDownsample: 2.0) == 0)
        #expect(slide.bestLevel(forDownsample: 2.01) == 1)
        #expect(slide.bestLevel(forDownsample: 100) == 2)
    }

    @Test func regionsOutsideTheImageAreTransparent() throws {
        let slide = try Slide(path: Self.fixture)
        let outside = try slide.readRegion(x: 10_000, y: -10_000, level: 0, width: 32, height: 16)
        #expect(outside.pixels.allSatisfy { $0 == 0 })
        let corner = try slide.readRegion(x: -4, y: -4, level: 0, width: 8, height: 8)
        #expect(corner.pixels[3] == 0 && corner.pixels[(5 * 8 + 5) * 4 + 3] == 255)
        #expect(try slide.readRegion(x: 0, y: 0, level: 0, width: 0, height: 5).pixels.isEmpty)
    }

    @Test func concurrentReadersSeeWhatASingleReaderSees() async throws {
        let slide = try Slide(path: Self.fixture, options: SlideOptions(cacheBytes: 256 << 10))
        var generator = SplitMix64(seed: 7)
        let requests = (0..<96).map { _ in
            (x: Int(generator.next() % 500) - 40, y: Int(generator.next() % 360) - 30, level: Int(generator.next() % 3))
        }
        let sequential = try requests.map { try slide.readRegion(x: $0.x, y: $0.y, level: $0.level, width: 70, height: 50) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, RGBAImage).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, try slide.readRegion(x: request.x, y: request.y, level: request.level, width: 70, height: 50)) }
            }
            var results = [RGBAImage?](repeating: nil, count: requests.count)
            for try await (index, image) in group { results[index] = image }
            return results
        }
        #expect(concurrent == sequential.map { Optional($0) })
        #expect(slide.cachedBytes <= 256 << 10)
    }

    /// Regions that show part of a JPEG or JPEG 2000 tile decode only that part (libjpeg-turbo's crop and skip,
    /// OpenJPEG's decode area) straight into the region, in the caller's thread or on several; the pixels must equal
    /// the full-tile decode, which a reader that first reads (and caches) the whole level uses from then on.
    @Test(arguments: ["tifffile-jpeg-ycbcr.tiff", "tifffile-jpeg-rgb.tiff", "vips-jpeg.tiff", "vips-subifd-jpeg.tiff",
                      "aperio-jp2k-rgb.svs", "aperio-jp2k-ycbcr.svs", "tifffile-jpeg2000.tiff", "vips-jp2k.tiff"], [1, 3])
    func partialDecodingEqualsFullDecoding(file: String, regionThreads: Int) throws {
        let path = RepositoryFiles.path("Fixtures/slides/" + file)
        let partial = try Slide(path: path, options: SlideOptions(cacheBytes: 0, regionThreads: regionThreads))
        let full = try Slide(path: path, options: SlideOptions(regionThreads: 1))
        _ = try full.readRegion(x: 0, y: 0, level: 0, width: full.levels[0].width, height: full.levels[0].height)
        var generator = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let (x, y) = (Int(generator.next() % 440) - 10, Int(generator.next() % 320) - 10)
            let (width, height) = (Int(generator.next() % 150) + 1, Int(generator.next() % 120) + 1)
            let expected = try full.readRegion(x: x, y: y, level: 0, width: width, height: height)
            #expect(try partial.readRegion(x: x, y: y, level: 0, width: width, height: height) == expected, "(\(x), \(y)) \(width)x\(height)")
        }
    }

    @Test func multiThreadedDecodingGivesTheSamePixels() throws {
        let path = RepositoryFiles.path("Fixtures/slides/aperio-jp2k-ycbcr.svs")
        let single = try Slide(path: path, options: SlideOptions(regionThreads: 1))
        let threaded = try Slide(path: path, options: SlideOptions(jpeg2000Threads: 2, regionThreads: 2))
        for (x, y, level) in [(0, 0, 0), (-30, 17, 0), (100, 60, 1), (13, 7, 1)] {
            let expected = try single.readRegion(x: x, y: y, level: level, width: 300, height: 260)
            #expect(try threaded.readRegion(x: x, y: y, level: level, width: 300, height: 260) == expected)
        }
    }

    @Test(.enabled(if: SlideOracle.sharedFolderPresent, "\(SlideOracle.sharedFolder) is absent"))
    func openSlideDoublesKeepOpenSlidesDigits() throws {
        let slide = try Slide(path: SlideOracle.sharedFolder + "/boxes.tiff")
        #expect(slide.properties["openslide.level[2].downsample"] == "4.0161290322580641")
        #expect(slide.properties["openslide.mpp-x"] == "352.77777983377013")
    }

    @Test func aperioDescriptionBecomesProperties() throws {
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/aperio-jp2k-rgb.svs"))
        #expect(slide.vendor == "aperio")
        #expect(slide.properties["aperio.MPP"] == "0.4990")
        #expect(slide.properties["openslide.mpp-x"] == "0.499")
        #expect(slide.properties["openslide.objective-power"] == "20")
        #expect(slide.properties["aperio.ScanScope ID"] == "ARBITER")
        #expect(slide.associatedImageNames == ["label", "macro", "thumbnail"])
    }

    /// Level 0 lacks tile 1 (x 240–427, y 0–240) and level 1 lacks its only tile: level 1 is redrawn from level 0,
    /// so it shows level 0's pixels except where level 0 is missing too.
    @Test func missingAperioTileIsRedrawnFromTheLevelBefore() throws {
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/aperio-jpeg-missing-tiles.svs"))
        #expect(try slide.readRegion(x: 300, y: 100, level: 0, width: 1, height: 1).pixels[3] == 0)
        let level1 = try slide.readRegion(x: 0, y: 0, level: 1, width: 213, height: 150)
        let alpha = { (x: Int, y: Int) in level1.pixels[(y * 213 + x) * 4 + 3] }
        #expect(alpha(60, 60) == 255 && alpha(60, 130) == 255 && alpha(180, 130) == 255)
        #expect(alpha(180, 60) == 0)
        #expect((1..<255).contains(alpha(119, 60)), "the seam with the missing level-0 tile is partly transparent")
    }

    @Test func subIFDPyramidsGiveEveryLevel() throws {
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/vips-subifd-jpeg.tiff"))
        #expect(slide.vendor == "subifd-tiff")
        #expect(slide.levels.map(\.width) == [427, 213, 106])
    }
}
