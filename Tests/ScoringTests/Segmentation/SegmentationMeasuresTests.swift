import Foundation
import Imaging
import Scoring
import Testing
import TestSupport

/// Metrics Reloaded (commit cb38dfc0) on Fixtures/lesions/segmentation, via Fixtures/oracles/lesions/segmentation.json.
@Suite struct SegmentationMeasuresTests {
    struct Expected: Decodable, Sendable {
        let note: String
        let dsc: Double?
        let iou: Double?
        let hd: Double?
        let hd95: Double?
        let nsd_1: Double?
        let nsd_2: Double?
    }

    struct Oracle: Decodable {
        let cases: [String: Expected]
    }

    static let oracle: Oracle = try! JSONDecoder().decode(Oracle.self, from: Data(contentsOf: RepositoryFiles.url("Fixtures/oracles/lesions/segmentation.json")))

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || abs(x - y) <= 1e-9
        default: return false
        }
    }

    @Test(arguments: oracle.cases.keys.sorted())
    func matchesMetricsReloaded(id: String) throws {
        let expected = Self.oracle.cases[id]!
        let folder = "Fixtures/lesions/segmentation/"
        let reference = try VolumeReader.read(path: RepositoryFiles.url(folder + "\(id)_reference.nii.gz").path)
        let prediction = try VolumeReader.read(path: RepositoryFiles.url(folder + "\(id)_prediction.nii.gz").path)
        let measures = SegmentationMeasures(
            reference: reference.doubles().map { $0 != 0 }, prediction: prediction.doubles().map { $0 != 0 },
            shape: reference.shape, spacing: reference.spacing, tolerances: [1, 2])
        #expect(Self.close(measures.dice, expected.dsc), "\(expected.note): dice \(String(describing: measures.dice))")
        #expect(Self.close(measures.iou, expected.iou), "\(expected.note): iou")
        #expect(Self.close(measures.hausdorff, expected.hd), "\(expected.note): hd \(String(describing: measures.hausdorff))")
        #expect(Self.close(measures.hausdorff95, expected.hd95), "\(expected.note): hd95 \(String(describing: measures.hausdorff95))")
        #expect(Self.close(measures.surfaceDice[0], expected.nsd_1), "\(expected.note): nsd 1 mm")
        #expect(Self.close(measures.surfaceDice[1], expected.nsd_2), "\(expected.note): nsd 2 mm")
    }
}
