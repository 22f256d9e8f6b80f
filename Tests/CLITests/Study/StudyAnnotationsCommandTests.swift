import Foundation
import TestSupport
import Testing

/// A reader's shapes in and out as QuPath GeoJSON and ASAP XML, and their agreement.
@Suite("arbiter study annotations")
struct StudyAnnotationsCommandTests {
    static let study = """
        slug: grading
        title: Outlining
        items:
          regions:
            - { id: r1, slide: s1, box: [0, 0, 400, 400] }
        questions:
          shapes: { kinds: [polygon, point], classes: [tumour] }
        readers: [ana, ben]
        reads-per-item: 2
        assignment: blinded
        """

    static let asap = """
        <?xml version="1.0"?>
        <ASAP_Annotations><Annotations>
        <Annotation Name="a" Type="Polygon" PartOfGroup="tumour"><Coordinates>
        <Coordinate Order="0" X="100" Y="100"/><Coordinate Order="1" X="300" Y="100"/>
        <Coordinate Order="2" X="300" Y="300"/><Coordinate Order="3" X="100" Y="300"/>
        </Coordinates></Annotation>
        </Annotations><AnnotationGroups><Group Name="tumour" PartOfGroup="None" Color="#ff0000"/></AnnotationGroups></ASAP_Annotations>
        """

    static let geoJSON = #"""
        {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[100,100],[300,100],[300,200],[100,200],[100,100]]]},"properties":{"classification":{"name":"tumour"}}}]}
        """#

    @Test func importedShapesFromASAPAndQuPathAreComparedByDiceAndExportBack() async throws {
        let folder = try await StudyFolder(study: Self.study)
        let asap = try folder.scratch.write(Array(Self.asap.utf8), to: "ana.xml")
        let geojson = try folder.scratch.write(Array(Self.geoJSON.utf8), to: "ben.geojson")
        try await folder.expectSuccess(["study", "annotations", "import", "tissuenet-demo", "grading", asap, "--reader", "ana", "--item", "r1"])
        try await folder.expectSuccess(["study", "annotations", "import", "tissuenet-demo", "grading", geojson, "--reader", "ben", "--item", "r1"])
        let agreement = try await folder.expectSuccess(["study", "agreement", "tissuenet-demo", "grading", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(agreement.stdout.utf8)) as? [String: Any])
        let dice = try #require((json["shapes"] as? [String: Any])?["polygonDice"] as? [String: Any])
        // 200 × 200 against 200 × 100 inside it: 2 · 20000 / (40000 + 20000).
        #expect(dice["mean"] as? Double == 2.0 / 3.0)
        let out = folder.scratch.file("exported")
        try await folder.expectSuccess(["study", "annotations", "export", "tissuenet-demo", "grading", "--reader", "ana", "--format", "asap", "--out", out])
        let exported = try String(contentsOfFile: out + "/r1.xml", encoding: .utf8)
        #expect(exported.contains("PartOfGroup=\"tumour\""))
        #expect(exported.contains("X=\"300\""))
    }

    @Test func aShapeOfAnotherClassIsRefusedAndNothingSaved() async throws {
        let folder = try await StudyFolder(study: Self.study)
        let file = try folder.scratch.write(Array(Self.geoJSON.replacingOccurrences(of: "tumour", with: "stroma").utf8), to: "bad.geojson")
        let run = try await folder.run(["study", "annotations", "import", "tissuenet-demo", "grading", file, "--reader", "ana", "--item", "r1"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\"stroma\" is not one of the study's shape classes"))
        let export = try await folder.expectSuccess(["study", "reads", "export", "tissuenet-demo", "grading"])
        #expect(export.stdout.split(separator: "\n").count == 1)
    }
}
