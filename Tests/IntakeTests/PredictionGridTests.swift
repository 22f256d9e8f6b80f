import Challenge
import Evaluation
import Foundation
import Imaging
import PlatformSupport
import Store
import Testing

/// Scoring relies on every prediction volume holding one scalar per voxel on its case's grid; the intake checks
/// that from the headers, so such a file is refused at upload instead of trapping the judge.
@Suite("Prediction grids")
struct PredictionGridTests {
    /// The PI-CAI demo's phase scorer, and a folder holding its perfect predictions.
    func scorerAndPredictions() throws -> (LesionPhaseScorer, TemporaryFolder) {
        let demo = try LesionDemo("picai")
        let challenge = try demo.store.challenge(demo.spec.slug)
        let truth = try demo.store.truthFiles(challenge: challenge, splits: [.public, .private]).map { file in
            LesionTruthFile(caseID: file.caseID, split: file.split, fileName: file.fileName, bytes: try demo.store.blobs.read(file.sha256))
        }
        let scorer = try LesionPhaseScorer(task: demo.spec.task, truth: truth)
        let folder = try TemporaryFolder(prefix: "arbiter-grid-test")
        let archive = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(demo.fixtures)/predictions/perfect.tar")))
        for entry in try Archive.entries(archive, name: "perfect.tar") { try folder.write(entry.bytes, name: entry.name) }
        return (scorer, folder)
    }

    /// A NIfTI-1 `.nii` of `shape` with `datatype`/`bitpix` and zeroed data.
    static func nifti(shape: [Int16], datatype: Int16, bitpix: Int16) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 352)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) { withUnsafeBytes(of: value.littleEndian) { header.replaceSubrange(offset..<(offset + $0.count), with: $0) } }
        put(Int32(348), at: 0)
        put(Int16(shape.count), at: 40)
        for (index, extent) in shape.enumerated() { put(extent, at: 42 + 2 * index) }
        put(datatype, at: 70)
        put(bitpix, at: 72)
        for index in 0..<4 { put(Float(1).bitPattern, at: 76 + 4 * index) }
        put(Float(352).bitPattern, at: 108)
        put(Float(1).bitPattern, at: 112)
        header.replaceSubrange(344..<348, with: Array("n+1\0".utf8))
        let voxels = shape.reduce(1) { $0 * Int($1) } * Int(bitpix / 8)
        return header + [UInt8](repeating: 0, count: voxels)
    }

    func refusal(replacingC01With bytes: [UInt8]) throws -> ValidationFailure? {
        let (scorer, folder) = try scorerAndPredictions()
        try FileManager.default.removeItem(atPath: folder.path + "/c01.nii.gz")
        try folder.write(bytes, name: "c01.nii")
        do {
            try scorer.validate(path: folder.path, fileName: "maps")
            return nil
        } catch let failure as ValidationFailure {
            return failure
        }
    }

    @Test func rgbVolumeOnTheCasesGridIsRefusedAtIntake() throws {
        let failure = try #require(try refusal(replacingC01With: Self.nifti(shape: [32, 32, 8], datatype: 128, bitpix: 24)))
        #expect(failure.problems.map(\.kind) == [.unsupportedVoxelType])
        #expect(failure.problems.first?.caseID == "c01")
    }

    @Test func volumeOnAnotherGridIsRefusedFromItsHeader() throws {
        let failure = try #require(try refusal(replacingC01With: Self.nifti(shape: [64, 32, 8], datatype: 2, bitpix: 8)))
        #expect(failure.problems.map(\.kind) == [.shapeMismatch])
        #expect(failure.problems.first?.message.contains("[32, 32, 8]") == true)
    }

    @Test func scalarVolumeOnTheCasesGridPasses() throws {
        #expect(try refusal(replacingC01With: Self.nifti(shape: [32, 32, 8], datatype: 2, bitpix: 8)) == nil)
    }
}
