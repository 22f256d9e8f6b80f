import Geometry
import Testing
import Scoring
import TestSupport

@Suite struct DistanceTransformTests {
    /// The squared distance to the nearest feature by checking every feature: slow and obviously right.
    static func bruteForce(_ features: [Bool], shape: [Int], spacing: [Double]) -> [Double] {
        let points = features.indices.filter { features[$0] }
        func position(_ index: Int) -> [Double] {
            var remainder = index
            return shape.indices.map { axis in
                defer { remainder /= shape[axis] }
                return Double(remainder % shape[axis]) * spacing[axis]
            }
        }
        return features.indices.map { index in
            let here = position(index)
            return points.map { other in zip(here, position(other)).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }.min() ?? .infinity
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func matchesBruteForceOnAnisotropicGrids(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let shape = [9, 7, 5]
        let spacing = [0.5, 0.75, 3.0]
        let features = (0..<shape.reduce(1, *)).map { _ in random.unit() < 0.05 }
        let fast = DistanceTransform.squaredDistances(features: features, shape: shape, spacing: spacing)
        let slow = Self.bruteForce(features, shape: shape, spacing: spacing)
        #expect(zip(fast, slow).allSatisfy { $0 == $1 || abs($0 - $1) <= 1e-9 * max(1, $1) })
    }

    @Test func gridWithoutFeaturesIsInfinitelyFar() {
        let result = DistanceTransform.squaredDistances(features: [false, false, false], shape: [3], spacing: [1])
        #expect(result.allSatisfy { $0 == .infinity })
    }

    @Test func integerSpacingGivesExactSquaredDistances() {
        var features = [Bool](repeating: false, count: 25)
        features[12] = true
        let result = DistanceTransform.squaredDistances(features: features, shape: [5, 5], spacing: [1, 1])
        #expect(result[0] == 8)
        #expect(result[14] == 4)
    }
}

@Suite struct BinaryMorphologyTests {
    @Test func erosionWithFacesRemovesTheBorderOfASquare() {
        let mask = (0..<25).map { (1...3).contains($0 % 5) && (1...3).contains($0 / 5) }
        let eroded = BinaryMorphology.erode(mask, shape: [5, 5])
        #expect(eroded.indices.filter { eroded[$0] } == [12])
    }

    @Test func pointsOnTheGridEdgeErodeAway() {
        let eroded = BinaryMorphology.erode([Bool](repeating: true, count: 9), shape: [3, 3])
        #expect(eroded.indices.filter { eroded[$0] } == [4])
    }

    @Test func fullNeighbourhoodNeedsDiagonalsToo() {
        var mask = [Bool](repeating: true, count: 9)
        mask[0] = false
        #expect(BinaryMorphology.erode(mask, shape: [3, 3], neighbourhood: .faces)[4] == true)
        #expect(BinaryMorphology.erode(mask, shape: [3, 3], neighbourhood: .full)[4] == false)
    }

    @Test func enclosedHoleIsFilledButAnOpenBayIsNot() {
        let rows = ["XXXXX", "X..XX", "XXXXX", "X....", "XXXXX"]
        let mask = rows.flatMap { $0.map { $0 == "X" } }
        let filled = BinaryMorphology.fillHoles(mask, shape: [5, 5])
        #expect(filled[6] && filled[7])
        #expect(!filled[16] && !filled[19])
    }

    @Test func diagonalGapDoesNotLetTheOutsideIn() {
        // A ring closed only through diagonal corners still encloses its centre for face connectivity.
        let rows = [".X.", "X.X", ".X."]
        let filled = BinaryMorphology.fillHoles(rows.flatMap { $0.map { $0 == "X" } }, shape: [3, 3])
        #expect(filled[4])
    }
}
