import Diagnostics
import Testing

@Suite struct SourceLocationTests {
    @Test func printsTheKnownPartsFromCoarsestToFinest() {
        let location = SourceLocation(
            file: "upload.zip", member: "p.csv", line: 3, column: 2, field: "label", within: ["character 4"],
            caseID: "B1", byteOffset: 42)
        #expect(location.description == "upload.zip, member p.csv, line 3, column 2 (label), character 4, case B1, byte 42")
    }

    @Test func aFieldWithoutAColumnIsNamed() {
        #expect(SourceLocation(file: "a.nii", field: "dim[3]", byteOffset: 40).description == "a.nii, field dim[3], byte 40")
    }

    @Test func describingPrefixesTheMessageOnlyWhenSomethingIsKnown() {
        #expect(SourceLocation().describing("empty") == "empty")
        #expect(SourceLocation(line: 2).describing("bad") == "line 2: bad")
    }

    @Test func finerPlacesAndAnotherFileKeepTheRest() {
        let location = SourceLocation(file: "/tmp/x/s.geojson", within: ["feature 1"]).within("ring 1").within("position 3")
        #expect(location.withFile("s.geojson").description == "s.geojson, feature 1, ring 1, position 3")
    }

    @Test func controlCharactersInNamesAreEscaped() {
        let location = SourceLocation(file: "up.tar", member: "c01\u{0}\n\u{1b}[2J.nii.gz", caseID: "a\tb")
        #expect(location.description == "up.tar, member c01\\u{0}\\u{a}\\u{1b}[2J.nii.gz, case a\\u{9}b")
    }
}
