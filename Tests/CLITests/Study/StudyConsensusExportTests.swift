import Foundation
import TestSupport
import Testing

/// `arbiter study consensus --format`: a STAPLE study's consensus and a majority's labels as shape files.
@Suite("arbiter study consensus --format")
struct StudyConsensusExportTests {
    static let stapleStudy = """
        slug: grading
        title: Outlining
        items:
          regions:
            - { id: r1, slide: s1.svs, box: [0, 0, 400, 400] }
            - { id: r2, slide: s1.svs, box: [400, 0, 400, 400] }
        questions:
          shapes: { kinds: [polygon, point], classes: [tumour] }
        readers: [ana, ben]
        reads-per-item: 2
        assignment: blinded
        truth: { consensus: staple, min-reads: 2 }
        """

    static let square = #"""
        {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[100,100],[300,100],[300,200],[100,200],[100,100]]]},"properties":{"classification":{"name":"tumour"}}}]}
        """#

    /// The STAPLE study with r1 outlined alike by both readers; r2 unread.
    static func outlined() async throws -> StudyFolder {
        let folder = try await StudyFolder(study: Self.stapleStudy)
        let file = try folder.scratch.write(Array(Self.square.utf8), to: "square.geojson")
        for reader in ["ana", "ben"] {
            try await folder.expectSuccess(["study", "annotations", "import", "tissuenet-demo", "grading", file, "--reader", reader, "--item", "r1"])
        }
        return folder
    }

    @Test func stapleConsensusIsWrittenAsGeoJSONWithItsProvenance() async throws {
        let folder = try await Self.outlined()
        let out = folder.scratch.file("consensus")
        let run = try await folder.expectSuccess(["study", "consensus", "tissuenet-demo", "grading", "--format", "geojson", "--out", out])
        #expect(run.stdout.contains("1 consensus masks (one per item and class drawn) from 1 items, 0 items with nothing drawn, 1 pending"),
                "\(run.stdout)")
        let geojson = try String(contentsOfFile: out + "/s1.geojson", encoding: .utf8)
        #expect(geojson.contains(#"[[[100, 100],[300, 100],[300, 200],[100, 200],[100, 100]]]"#), "\(geojson)")
        #expect(geojson.contains(#""item_id":"r1""#))
        let provenance = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/consensus.provenance.json")))
        let object = try #require(provenance as? [String: Any])
        #expect((object["recipe"] as? [String: Any])?["method"] as? String == "staple")
        let masks = try #require(object["masks"] as? [[String: Any]])
        #expect((masks.first?["readers"] as? [[String: Any]])?.map { $0["sensitivity"] as? Double } == [1, 1])
        #expect((object["exports"] as? [[String: Any]])?.first?["file"] as? String == "s1.geojson")
    }

    @Test func stapleConsensusIsWrittenAsASAPAndAsASummaryCSV() async throws {
        let folder = try await Self.outlined()
        let out = folder.scratch.file("asap")
        try await folder.expectSuccess(["study", "consensus", "tissuenet-demo", "grading", "--format", "asap", "--out", out])
        let xml = try String(contentsOfFile: out + "/s1.xml", encoding: .utf8)
        #expect(xml.contains(#"Name="r1: STAPLE of 2 readers" Type="Polygon" PartOfGroup="tumour""#), "\(xml)")
        let csv = folder.scratch.file("staple.csv")
        try await folder.expectSuccess(["study", "consensus", "tissuenet-demo", "grading", "--out", csv])
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == """
            item_id,class,area_cells,cell_size,reader,sensitivity,specificity
            r1,tumour,20000,1,ana,1.0,1.0
            r1,tumour,20000,1,ben,1.0,1.0

            """)
        #expect(FileManager.default.fileExists(atPath: csv + ".provenance.json"))
    }

    @Test func aMajorityOfWholeSlidesExportsNoBoxesAndSaysHowManyItSkipped() async throws {
        let folder = try await StudyFolder()
        try await folder.importReads("s1,ana,0\ns1,ben,0\n")
        let out = folder.scratch.file("labels")
        let run = try await folder.expectSuccess(["study", "consensus", "tissuenet-demo", "grading", "--format", "geojson", "--out", out])
        #expect(run.stdout.contains("1 labelled items have no box (whole slides) and are skipped"), "\(run.stdout)")
        let provenance = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/consensus.provenance.json")))
        #expect((provenance as? [String: Any])?["skipped"] as? [String] == ["s1"])
    }
}
