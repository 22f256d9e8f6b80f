import Foundation
import Imaging
import Testing
import TestSupport

/// Every slide in the oracle file must open with the reference's vendor, levels, downsamples and properties, and
/// every region and associated image must equal the reference byte for byte (OpenSlide's `read_region`, or
/// tifffile's pixels where OpenSlide refuses the file), including regions OpenSlide resamples at fractional
/// placements and missing Aperio tiles it redraws from the level before.
@Suite struct SlideParityTests {
    static let fixtureCases = SlideOracle.all.filter { !$0.isShared }
    static let sharedCases = SlideOracle.all.filter(\.isShared)

    @Test func oracleFileListsEveryFixture() {
        #expect(Self.fixtureCases.count >= 24)
        #expect(Self.sharedCases.count == 3)
    }

    @Test(arguments: fixtureCases)
    func fixtureMatchesReference(expected: SlideOracle.Case) throws {
        try Self.check(expected)
    }

    @Test(.enabled(if: SlideOracle.sharedFolderPresent, "\(SlideOracle.sharedFolder) is absent: real-slide parity skipped"),
          arguments: sharedCases)
    func realSlideMatchesOpenSlide(expected: SlideOracle.Case) throws {
        try Self.check(expected)
    }

    static func check(_ expected: SlideOracle.Case) throws {
        let slide = try Slide(path: expected.resolvedPath)
        #expect(slide.vendor == expected.vendor)
        #expect(slide.levels.count == expected.levels.count)
        for (level, reference) in zip(slide.levels, expected.levels) {
            #expect(level.width == reference.width && level.height == reference.height)
            #expect(level.downsample == reference.downsample)
            #expect(level.tileWidth == reference.tileWidth && level.tileHeight == reference.tileHeight)
        }
        if let properties = expected.properties {
            let (ours, theirs) = (slide.properties, properties)
            for key in Set(ours.keys).union(theirs.keys).sorted() where ours[key] != theirs[key] {
                Issue.record("property \(key): ours \(ours[key] ?? "absent"), reference \(theirs[key] ?? "absent")")
            }
        }
        #expect(slide.associatedImageNames == expected.associated.map(\.name))
        for image in expected.associated {
            let ours = try slide.associatedImage(named: image.name)
            #expect(ours.width == image.width && ours.height == image.height)
            #expect(SlideOracle.sha256(ours.pixels) == image.sha256, "associated image \(image.name)")
        }
        for region in expected.regions {
            let ours = try slide.readRegion(x: region.x, y: region.y, level: region.level, width: region.width, height: region.height)
            if let gap = region.knownGap {
                withKnownIssue(Comment(rawValue: gap)) {
                    #expect(SlideOracle.sha256(ours.pixels) == region.sha256, "\(region)")
                }
            } else if region.exact {
                #expect(SlideOracle.sha256(ours.pixels) == region.sha256, "\(region)")
            } else {
                try checkResampled(ours, region)
            }
        }
    }

    /// Where OpenSlide resamples tiles at fractional positions the hash must match too; on a mismatch, the PNG the
    /// oracle saved says how far off the region is.
    static func checkResampled(_ ours: RGBAImage, _ region: SlideOracle.Case.Region) throws {
        guard SlideOracle.sha256(ours.pixels) != region.sha256 else { return }
        let png = try #require(region.png)
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path("Fixtures/oracles/slides/" + png)))
        let reference = try PNGCodec.decode(Array(data), channels: 4)
        let differing = zip(ours.pixels, reference.pixels).enumerated().filter { $0.element.0 != $0.element.1 }
        let worst = differing.map { abs(Int($0.element.0) - Int($0.element.1)) }.max() ?? 0
        let first = differing.first.map { "first at pixel \($0.offset / 4) (\($0.offset / 4 % ours.width), \($0.offset / 4 / ours.width))" } ?? ""
        Issue.record("\(region): \(differing.count) bytes differ, by up to \(worst); \(first)")
    }
}
