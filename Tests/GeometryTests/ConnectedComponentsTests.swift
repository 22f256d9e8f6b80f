import Geometry
import Testing
import Scoring
import TestSupport

@Suite struct ConnectedComponentsTests {
    @Test func diagonalNeighboursJoinOnlyWithTwentySixConnectivity() {
        var values = [Float](repeating: 0, count: 27)
        values[0] = 1  // (0, 0, 0)
        values[13] = 2  // (1, 1, 1)
        #expect(ConnectedComponents(values: values, shape: [3, 3, 3], connectivity: .twentySix).components.count == 1)
        #expect(ConnectedComponents(values: values, shape: [3, 3, 3], connectivity: .six).components.count == 2)
    }

    @Test func componentsReportCountBoundingBoxAndMaximum() {
        var values = [Float](repeating: 0, count: 4 * 4 * 2)
        for (x, y, z, value) in [(1, 1, 0, 0.2), (2, 1, 0, 0.7), (2, 2, 1, 0.5)] as [(Int, Int, Int, Float)] {
            values[z * 16 + y * 4 + x] = value
        }
        let result = ConnectedComponents(values: values, shape: [4, 4, 2])
        #expect(result.components.count == 1)
        let component = result.components[0]
        #expect(component.voxelCount == 3)
        #expect(component.lower == [1, 1, 0])
        #expect(component.upper == [2, 2, 1])
        #expect(component.maximum == Double(Float(0.7)))
    }

    @Test func labelsAreNumberedInRasterOrderOfFirstVoxel() {
        var values = [Double](repeating: 0, count: 5 * 5 * 1)
        values[4] = 1  // (4, 0): first in raster order
        values[10] = 1  // (0, 2)
        values[24] = 1  // (4, 4)
        let result = ConnectedComponents(values: values, shape: [5, 5, 1])
        #expect(result.labels[4] == 1)
        #expect(result.labels[10] == 2)
        #expect(result.labels[24] == 3)
    }

    @Test func uShapedRegionMergedLateIsOneComponent() {
        // Two arms that only meet at the bottom row: the first pass gives them different labels.
        let rows = ["X.X", "X.X", "XXX"]
        let values: [Float] = rows.reversed().reversed().flatMap { $0.map { $0 == "X" ? 1 : 0 } }
        let result = ConnectedComponents(values: values, shape: [3, 3, 1], connectivity: .six)
        #expect(result.components.count == 1)
        #expect(result.components[0].voxelCount == 7)
        #expect(Set(result.labels.filter { $0 != 0 }) == [1])
    }

    @Test(arguments: [ConnectedComponents.Connectivity.six, .twentySix], [UInt64(1), 2, 3])
    func matchesFloodFillOnRandomGrids(connectivity: ConnectedComponents.Connectivity, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let shape = [13, 11, 9]
        let values: [Float] = (0..<shape.reduce(1, *)).map { _ in generator.unit() < 0.3 ? Float(generator.unit()) + 0.01 : 0 }
        let fast = ConnectedComponents(values: values, shape: shape, connectivity: connectivity)
        let reference = FloodFill.label(values, shape: shape, connectivity: connectivity)
        #expect(fast.labels == reference.labels)
        #expect(fast.components.map(\.voxelCount) == reference.counts)
        #expect(fast.components.map(\.maximum) == reference.maxima)
    }
}

/// A plain breadth-first flood fill, slow and obviously right, to check the two-pass labelling against.
enum FloodFill {
    static func label(_ values: [Float], shape: [Int], connectivity: ConnectedComponents.Connectivity) -> (labels: [Int32], counts: [Int], maxima: [Double]) {
        let (w, h, d) = (shape[0], shape[1], shape[2])
        var labels = [Int32](repeating: 0, count: values.count)
        var counts: [Int] = []
        var maxima: [Double] = []
        for start in values.indices where values[start] != 0 && labels[start] == 0 {
            let label = Int32(counts.count + 1)
            counts.append(0)
            maxima.append(-.infinity)
            var queue = [start]
            labels[start] = label
            while let index = queue.popLast() {
                counts[Int(label) - 1] += 1
                maxima[Int(label) - 1] = max(maxima[Int(label) - 1], Double(values[index]))
                let (x, y, z) = (index % w, index / w % h, index / (w * h))
                for dz in -1...1 { for dy in -1...1 { for dx in -1...1 {
                    let steps = abs(dx) + abs(dy) + abs(dz)
                    guard steps > 0, connectivity == .twentySix || steps == 1 else { continue }
                    let (nx, ny, nz) = (x + dx, y + dy, z + dz)
                    guard nx >= 0, ny >= 0, nz >= 0, nx < w, ny < h, nz < d else { continue }
                    let neighbour = nz * w * h + ny * w + nx
                    if values[neighbour] != 0, labels[neighbour] == 0 {
                        labels[neighbour] = label
                        queue.append(neighbour)
                    }
                } } }
            }
        }
        return (labels, counts, maxima)
    }
}


@Suite struct SparseComponentsTests {
    @Test(arguments: [ConnectedComponents.Connectivity.six, .twentySix], [(UInt64(5), 0.2), (6, 0.2), (7, 0.6), (8, 0.8)])
    func matchesDenseLabellingOnRandomGrids(connectivity: ConnectedComponents.Connectivity, grid: (seed: UInt64, density: Double)) {
        var random = SplitMix64(seed: grid.seed)
        let shape = [17, 13, 7]
        let values: [Float] = (0..<shape.reduce(1, *)).map { _ in random.unit() < grid.density ? 1 : 0 }
        let dense = ConnectedComponents(values: values, shape: shape, connectivity: connectivity)
        let indices = values.indices.filter { values[$0] != 0 }
        let sparse = SparseComponents(indices: indices, shape: shape, connectivity: connectivity)
        #expect(sparse.labels == indices.map { dense.labels[$0] })
        #expect(sparse.sizes == dense.components.map(\.voxelCount))
    }
}
