import Challenge
import Foundation
import Testing
import TestSupport

/// Organisers' files are outside input too: a slip in one must be a located error, never a crash.
@Suite("Organiser input")
struct OrganiserInputTests {
    @Test(arguments: ["9000000000000GB", "9223372036854775807KB", "99999999999999999999"])
    func fileSizeThatOverflowsIsRefusedNotTrapped(_ text: String) {
        #expect(SubmissionLimits.parseBytes(text) == nil)
    }

    @Test func periodThatOverflowsIsRefusedNotTrapped() {
        #expect(SubmissionLimits.parseSeconds("9223372036854775807w") == nil)
        #expect(SubmissionLimits.parseSeconds("2w") == 1_209_600)
    }

    @Test func specWithAnOverflowingFileSizeIsAnIssueAtItsLine() throws {
        let yaml = ChallengeSpecTests.valid.replacingOccurrences(
            of: "limits: { per-period: 2, period: 1d, total: 10 }", with: "limits: { max-file-size: 9000000000000GB }")
        #expect {
            try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
        } throws: { error in
            "\(error)".contains("max-file-size")
        }
    }

    @Test func asapCoordinatesWithoutOrderAreTakenInFileOrder() throws {
        let xml = """
            <ASAP_Annotations><Annotations>
            <Annotation Name="a" Type="Polygon" PartOfGroup="_0"><Coordinates>
            <Coordinate X="0" Y="0"/><Coordinate X="10" Y="0"/><Coordinate X="10" Y="10"/><Coordinate Order="3" X="0" Y="10"/>
            </Coordinates></Annotation>
            </Annotations></ASAP_Annotations>
            """
        let parsed = try ASAPXMLParser.annotations(Array(xml.utf8), file: "slide.xml")
        #expect(parsed.lesions.count == 1)
        // The 10 x 10 square, whichever order its corners came in.
        #expect(parsed.mask(width: 12, height: 12, level: 0).filter { $0 }.count == 100)
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

    @Test func asapXMLWhoseElementNameIsNotUTF8IsRefusedAtItsByte() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-asap-invalid-utf8-element.xml")))
        #expect {
            try ASAPXMLParser.annotations(bytes, file: "slide.xml")
        } throws: { error in
            "\(error)".contains("byte 42") && "\(error)".contains("not UTF-8")
        }
    }

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

@Suite("GeoJSON locations")
struct GeoJSONLocationTests {
    @Test func badPositionIsLocatedByFeatureRingAndPosition() {
        let json = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],["x",1],[0,0]]]}}]}"#
        #expect {
            try GeoJSONParser.regions(Array(json.utf8), file: "s.geojson")
        } throws: { error in
            "\(error)".contains("feature 1, ring 1, position 3")
        }
    }

    @Test func syntaxErrorSaysWhereTheJSONBroke() {
        let json = "{\"type\": \"Feature\",\n \"geometry\": [1, 2,, 3]}"
        #expect {
            try GeoJSONParser.regions(Array(json.utf8), file: "s.geojson")
        } throws: { error in
            let text = "\(error)"
            return text.contains("not valid JSON") && (text.contains("line 2") || text.contains("character") || text.contains("offset"))
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

extension FuzzFindingTests {
    @Test func asapXMLWithAProcessingInstructionIsRefusedAtItsByte() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-asap-processing-instruction-without-data.xml")))
        #expect {
            try ASAPXMLParser.annotations(bytes, file: "slide.xml")
        } throws: { error in
            "\(error)".contains("processing instructions")
        }
    }

    @Test func asapXMLDeclarationIsNotAProcessingInstruction() throws {
        let xml = "<?xml version=\"1.0\"?><ASAP_Annotations><Annotations/></ASAP_Annotations>"
        #expect(try ASAPXMLParser.annotations(Array(xml.utf8), file: "slide.xml").lesions.isEmpty)
    }
}

extension FuzzFindingTests {
    @Test func asapXMLWithAnEmptyDeclarationIsRefused() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-asap-empty-xml-declaration.xml")))
        #expect(throws: AnnotationError.self) { try ASAPXMLParser.annotations(bytes, file: "slide.xml") }
    }
}
