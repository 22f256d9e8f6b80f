import Crypto
import Foundation
import Imaging
import Testing
import TestSupport

/// Every file in Fixtures/oracles/volumes/expected.json (written by scripts/oracles/volume_oracle.py with
/// nibabel 5.4.2 and SimpleITK 2.5.7) must read with the same shape, geometry and exact voxel values.
@Suite struct OracleVolumeTests {
    struct Expected: Decodable, Sendable, CustomTestStringConvertible {
        let path: String
        let reader: String
        let shape: [Int]
        let components: Int
        let spacing: [Double]
        let affine: [[Double]]?
        let origin: [Double]?
        let direction: [Double]?
        let min: Double
        let max: Double
        let sha256_float64: String
        let sha256_raw: String

        var testDescription: String { path }
    }

    static let cases: [Expected] = {
        let url = URL(fileURLWithPath: RepositoryFiles.path("Fixtures/oracles/volumes/expected.json"))
        return (try? JSONDecoder().decode([Expected].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func oracleFileListsEveryFixture() {
        #expect(Self.cases.count >= 59)
    }

    @Test(arguments: cases)
    func readsLikeTheReference(expected: Expected) throws {
        let volume = try VolumeReader.read(path: RepositoryFiles.path(expected.path))
        #expect(volume.shape == expected.shape)
        #expect(volume.components == expected.components)
        #expect(zip(volume.spacing, expected.spacing).allSatisfy { abs($0 - $1) <= 1e-6 }, "\(volume.spacing)")
        if let affine = expected.affine {
            #expect(Self.close(volume.affine.rows.flatMap { $0 }, affine.flatMap { $0 }), "\(volume.affine.rows)")
        }
        if let origin = expected.origin, let direction = expected.direction {
            #expect(Self.close(volume.affine.itkOrigin, Array(origin.prefix(3))), "\(volume.affine.itkOrigin)")
            let rank = expected.shape.count
            let square = (0..<min(rank, 3)).flatMap { row in (0..<min(rank, 3)).map { direction[row * rank + $0] } }
            let ours = (0..<min(rank, 3)).flatMap { row in (0..<min(rank, 3)).map { volume.affine.itkDirection[row][$0] } }
            #expect(Self.close(ours, square), "\(ours)")
        }
        #expect(volume.valueRange == expected.min...expected.max)
        #expect(Self.sha256(volume.doubles()) == expected.sha256_float64)
        #expect(Self.sha256(volume.voxels.bytes(bigEndian: false)) == expected.sha256_raw)
    }

    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 }
    }

    static func sha256(_ values: [Double]) -> String {
        sha256(values.withUnsafeBytes { Array($0) })  // little-endian on every machine Arbiter builds for
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
