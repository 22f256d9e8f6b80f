import Foundation
import Imaging
import Testing
import TestSupport

/// Broken files fail with an error naming the file, the directory and the tag: never a crash, never stderr output.
@Suite(.serialized) struct MalformedSlideTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let code: SlideError.Code
        let directory: String?
        let tag: String?
        let mentions: String

        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "bad-truncated.tiff", code: .malformed, directory: "IFD 0", tag: "TileOffsets", mentions: "past the end of the file"),
        Case(file: "bad-tile-offset-past-end.tiff", code: .malformed, directory: "IFD 0", tag: "TileOffsets", mentions: "tile 0 at offset"),
        Case(file: "bad-huge-dimensions.tiff", code: .malformed, directory: "IFD 0", tag: "ImageWidth", mentions: "overflow"),
        Case(file: "bad-zero-tile-width.tiff", code: .malformed, directory: "IFD 0", tag: "TileWidth", mentions: "zero number of tiles"),
        Case(file: "bad-ifd-loop.tiff", code: .malformed, directory: "IFD 1", tag: nil, mentions: "looping"),
        Case(file: "bad-float-samples.tiff", code: .unsupportedFeature, directory: "IFD 0", tag: "SampleFormat", mentions: "SampleFormat 3"),
        Case(file: "bad-stripped.tiff", code: .unsupportedFormat, directory: "IFD 0", tag: nil, mentions: "stripped"),
        Case(file: "bad-not-a-tiff.tiff", code: .unsupportedFormat, directory: nil, tag: nil, mentions: "Not a TIFF"),
    ]

    @Test(arguments: cases)
    func refusesWithWhereAndWhy(expected: Case) {
        let path = RepositoryFiles.path("Fixtures/slides/" + expected.file)
        let silence = StandardErrorCapture()
        #expect {
            _ = try Slide(path: path)
        } throws: { error in
            guard let error = error as? SlideError else { return false }
            #expect(error.code == expected.code)
            #expect(error.file == path)
            #expect(error.directory == expected.directory)
            #expect(error.tag == expected.tag)
            #expect(error.message.contains(expected.mentions), "\(error.message)")
            return true
        }
        #expect(silence.finish().isEmpty, "libtiff wrote to stderr")
    }

    @Test func corruptJPEGTileFailsOnlyThatRead() throws {
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/bad-corrupt-jpeg-tile.tiff"))
        let silence = StandardErrorCapture()
        #expect(throws: SlideError.self) { _ = try slide.readRegion(x: 0, y: 0, level: 0, width: 64, height: 64) }
        _ = try slide.readRegion(x: 64, y: 64, level: 0, width: 64, height: 64)
        #expect(silence.finish().isEmpty)
    }

    @Test func missingFileIsAnIOError() {
        #expect {
            _ = try Slide(path: "/nonexistent/slide.svs")
        } throws: { ($0 as? SlideError)?.code == .io }
    }

    @Test(.enabled(if: SlideOracle.sharedFolderPresent, "\(SlideOracle.sharedFolder) is absent"))
    func compressionNobodyReadsNamesTheTag() throws {
        let path = SlideOracle.sharedFolder + "/unopenable.tiff"
        #expect {
            _ = try Slide(path: path)
        } throws: { error in
            let error = error as? SlideError
            return error?.code == .unsupportedFeature && error?.tag == "Compression" && error?.message.contains("52479") == true
        }
    }

    @Test func refusesImpossibleRequests() throws {
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/tiny-two-levels.tiff"))
        #expect(throws: SlideError.self) { _ = try slide.readRegion(x: 0, y: 0, level: 3, width: 1, height: 1) }
        #expect(throws: SlideError.self) { _ = try slide.readRegion(x: 0, y: 0, level: 0, width: -1, height: 1) }
        #expect(throws: SlideError.self) { _ = try slide.readRegion(x: 0, y: 0, level: 0, width: 1 << 20, height: 1 << 20) }
        #expect(throws: SlideError.self) { _ = try slide.associatedImage(named: "label") }
        #expect(throws: SlideError.self) { _ = try slide.readRegion(x: Int.min, y: 0, level: 0, width: 1, height: 1) }
        #expect(try slide.readRegion(x: -(1 << 40), y: 1 << 40, level: 0, width: 2, height: 2).pixels == [UInt8](repeating: 0, count: 16))
    }
}

/// Redirects the process's stderr into a temporary file until `finish()`, which returns what was written
/// (less Swift Testing's own progress lines).
final class StandardErrorCapture {
    private let saved: Int32
    private let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        fflush(nil)
        saved = dup(2)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        dup2(descriptor, 2)
        close(descriptor)
    }

    func finish() -> String {
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let captured = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        // Swift Testing reports progress of concurrently running tests on stderr too: those lines start with a symbol.
        return captured.split(separator: "\n").filter { line in line.first.map { $0.isASCII } ?? false }.joined(separator: "\n")
    }
}
