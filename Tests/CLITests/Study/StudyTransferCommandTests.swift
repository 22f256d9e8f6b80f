import Foundation
import TestSupport
import Testing

/// `study import`, `study export` and `study status`: the names for the reads and annotations commands,
/// told apart by the file's extension or `--format`.
@Suite struct StudyTransferCommandTests {
    @Test func importOfACSVSavesReadsAndStatusCountsThem() async throws {
        let folder = try await StudyFolder()
        let file = try folder.scratch.write(Array("item_id,reader,label\ns1,ana,0\ns2,ana,1\ns1,ben,0\n".utf8), to: "reads.csv")
        let imported = try await folder.expectSuccess(["study", "import", "tissuenet-demo", "grading", file])
        #expect(imported.stdout.contains("saved 3 reads"), "\(imported.stdout)")
        let status = try await folder.expectSuccess(["study", "status", "tissuenet-demo", "grading"])
        #expect(status.stdout.contains("ana: 2 of 4 read\nben: 1 of 4 read\n"), "\(status.stdout)")
        let exported = try await folder.expectSuccess(["study", "export", "tissuenet-demo", "grading", "--format", "csv"])
        #expect(exported.stdout.hasPrefix("item_id,reader,version,label,"), "\(exported.stdout)")
        #expect(exported.stdout.split(separator: "\n").count == 4)
    }

    @Test func importOfQuPathShapesSavesAReadAndExportWritesThemBack() async throws {
        let folder = try await StudyFolder(study: StudyAnnotationsCommandTests.study)
        let file = try folder.scratch.write(Array(StudyAnnotationsCommandTests.geoJSON.utf8), to: "ben.geojson")
        let imported = try await folder.expectSuccess(["study", "import", "tissuenet-demo", "grading", file, "--reader", "ben", "--item", "r1"])
        #expect(imported.stdout.contains("saved version 1 of ben's read of r1"), "\(imported.stdout)")
        let out = folder.scratch.file("out")
        try await folder.expectSuccess(["study", "export", "tissuenet-demo", "grading", "--format", "geojson", "--reader", "ben", "--out", out])
        #expect(try String(contentsOfFile: out + "/r1.geojson", encoding: .utf8).contains("tumour"))
    }

    @Test func shapesWithoutTheirReaderAndItemAreRefusedWithWhatToAdd() async throws {
        let folder = try await StudyFolder(study: StudyAnnotationsCommandTests.study)
        let file = try folder.scratch.write(Array(StudyAnnotationsCommandTests.asap.utf8), to: "ana.xml")
        let run = try await folder.run(["study", "import", "tissuenet-demo", "grading", file])
        #expect(run.status != 0)
        #expect(run.stderr.contains("ana.xml holds shapes: say whose read of which item with --reader and --item"), "\(run.stderr)")
    }

    @Test func anUnknownExportFormatIsRefused() async throws {
        let folder = try await StudyFolder()
        let run = try await folder.run(["study", "export", "tissuenet-demo", "grading", "--format", "xlsx"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--format expects csv, geojson or asap, got xlsx"), "\(run.stderr)")
    }
}
