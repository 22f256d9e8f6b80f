import Challenge
import Evaluation
import Foundation
import TestSupport
import Testing

/// Organisers' files are outside input too: a slip in one must be a located error, never a crash.
@Suite("Organiser input")
struct OrganiserInputTests {
    @Test func challengeYAMLOverAMegabyteIsRefusedBeforeItIsRead() throws {
        let folder = try ScratchFolder()
        _ = try folder.write([UInt8](repeating: UInt8(ascii: "#"), count: ChallengeSpecParser.maximumFileBytes + 1), to: "challenge.yaml")
        #expect {
            try ChallengeSpecParser.load(directory: URL(fileURLWithPath: folder.path))
        } throws: { error in
            "\(error)".contains("larger than 1048576 bytes")
        }
    }

    @Test func slideManifestWithAGiganticWidthIsRefusedBeforeAnyMaskIsMade() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("case_id,width,height\nslide1,2147483648,1000\n".utf8).write(to: folder.appendingPathComponent("slides.csv"))
        #expect {
            try SlideLesionTruth(path: folder.path, level: 5)
        } throws: { error in
            "\(error)".contains("line 2") && "\(error)".contains("larger than")
        }
    }

    @Test func slideManifestListingACaseTwiceIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("case_id,width,height\nslide1,1000,1000\nslide1,2000,2000\n".utf8).write(to: folder.appendingPathComponent("slides.csv"))
        #expect {
            try SlideLesionTruth(path: folder.path, level: 5)
        } throws: { error in
            "\(error)".contains("listed twice")
        }
    }

    @Test func slideManifestRowShorterThanItsHeaderIsALocatedError() throws {
        let folder = try ScratchFolder()
        _ = try folder.write(Array("case_id,width,height\nslide1,1000,1000\nslide2,2000\n".utf8), to: "slides.csv")
        #expect {
            try SlideLesionTruth(path: folder.path, level: 5)
        } throws: { error in
            "\(error)".contains("slides.csv") && "\(error)".contains("line 3") && "\(error)".contains("expected 3 fields, got 2")
        }
    }

    @Test func casesListRowShorterThanItsHeaderIsALocatedError() throws {
        let folder = try ScratchFolder()
        _ = try folder.write(Array("case_id,split\ncase1,public\ncase2\n".utf8), to: "cases.csv")
        let task = TaskSpec(kind: .volumeSegmentation, classes: [])
        #expect {
            try LesionTruthImport.read(folder.path, task: task)
        } throws: { error in
            "\(error)".contains("cases.csv") && "\(error)".contains("line 3") && "\(error)".contains("expected 2 fields, got 1")
        }
    }

    @Test func megabyteCaseIdIsClippedInTheProblemItIsNamedIn() {
        let id = String(repeating: "x", count: 4 << 20)
        let problem = ValidationProblem(.unknownCase, caseID: id, message: "\"\(id)\" is not a case of this phase")
        #expect(problem.description.utf8.count < 2000)
        #expect(problem.caseID?.hasSuffix("(4194304 bytes in all)") == true)
    }
}

/// Inputs the fuzzers found, kept as regression tests with the error each must now give.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    static let bad = RepositoryFiles.root.appendingPathComponent("Fixtures/bad")

    @Test func pointCoordinateOfTwentyDigitsIsReadNotTrapped() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-points-long-digits.csv")))
        let parser = LesionPointParser(slideSizes: ["tumor_001": (width: 100_000, height: 100_000)])
        #expect {
            try parser.parse(bytes, file: "points.csv")
        } throws: { error in
            "\(error)".contains("line 2")
        }
    }
}

extension FuzzFindingTests {
    @Test func pointTableThatIsOnlyAHeaderWithoutALineFeedHasNoPoints() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-points-header-only-no-newline.csv")))
        let parser = LesionPointParser(slideSizes: ["tumor_001": (width: 100_000, height: 100_000)])
        #expect(try parser.parse(bytes, file: "points.csv").isEmpty)
    }
}

