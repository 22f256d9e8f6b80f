import Geometry
import Scoring
import Testing

extension AgreementTests {
    @Suite("Point agreement between readers") struct PointAgreementTests {
        func f1(_ a: [ClassedPoint], _ b: [ClassedPoint], radius: Double, className: String? = nil) throws -> OverlapCounts {
            let reads = try ShapeReads([
                ShapeRead(item: "t", reader: "a", points: a), ShapeRead(item: "t", reader: "b", points: b),
            ])
            return try PointAgreement.agreement(reads, radius: radius, className: className).items[0].pairs[0]
        }

        @Test func identicalPointsGiveOne() throws {
            #expect(try f1([point(1, 1), point(9, 9)], [point(1, 1), point(9, 9)], radius: 0).value == 1)
        }

        @Test func pointsFartherThanTheRadiusGiveZero() throws {
            #expect(try f1([point(0, 0)], [point(10, 0)], radius: 9.5).value == 0)
        }

        @Test func pointsExactlyTheRadiusApartMatch() throws {
            #expect(try f1([point(0, 0)], [point(3, 4)], radius: 5).shared == 1)
        }

        @Test func pointsJustBeyondTheRadiusDoNotMatch() throws {
            #expect(try f1([point(0, 0)], [point(5.125, 0)], radius: 5).shared == 0)
        }

        @Test func theMatchingPairsAsManyPointsAsPossible() throws {
            // B's point at 4 is nearest to A's point at 5, but pairing them would leave A's 0 alone.
            let counts = try f1([point(0, 0), point(5, 0)], [point(4, 0), point(9, 0)], radius: 4)
            #expect(counts.shared == 2 && counts.value == 1)
        }

        @Test func separateGroupsOfPointsAreMatchedEachOnTheirOwn() throws {
            // Two chains far apart, each needing the largest matching rather than the nearest partner.
            let a = [point(0, 0), point(5, 0), point(100, 0), point(105, 0)]
            let b = [point(4, 0), point(9, 0), point(104, 0), point(109, 0), point(500, 500)]
            #expect(PointAgreement.matchCount(a.map(\.point), b.map(\.point), radius: 4) == 4)
        }

        @Test func eachPointMatchesAtMostOnce() throws {
            let counts = try f1([point(0, 0)], [point(1, 0), point(-1, 0)], radius: 2)
            #expect(counts.shared == 1 && counts.value == 2.0 / 3)
        }

        @Test func twoReadersWithoutPointsAgreeFully() throws {
            let counts = try f1([], [], radius: 5)
            #expect(counts.countA == 0 && counts.countB == 0 && counts.value == 1)
        }

        @Test func aReaderWithoutPointsAgainstOneWithGivesZero() throws {
            #expect(try f1([], [point(1, 1)], radius: 5).value == 0)
        }

        @Test func aClassMatchesOnlyThatClassesPoints() throws {
            let a = [point(0, 0, className: "tumour"), point(20, 0, className: "lymphocyte")]
            let b = [point(0, 0, className: "lymphocyte"), point(20, 0, className: "lymphocyte")]
            #expect(try f1(a, b, radius: 1, className: "lymphocyte").value == 2.0 / 3)
            #expect(try f1(a, b, radius: 1, className: "tumour").value == 0)
            #expect(try f1(a, b, radius: 1).value == 1)
        }

        @Test func aRadiusInMicrometresIsDividedByThePixelSize() throws {
            #expect(try PointAgreement.radius(micrometres: 2.5, micronsPerPixel: 0.25) == 10)
        }

        @Test func aNegativeRadiusOrPixelSizeIsRefused() throws {
            let reads = try ShapeReads([])
            #expect(throws: AgreementError.radiusOutOfRange(-1)) { try PointAgreement.agreement(reads, radius: -1) }
            #expect(throws: AgreementError.pixelSizeOutOfRange(0)) {
                try PointAgreement.radius(micrometres: 1, micronsPerPixel: 0)
            }
        }
    }
}
