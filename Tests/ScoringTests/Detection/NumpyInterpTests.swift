@testable import Scoring
import Testing

/// `numpy.interp` at one point, which the FROC and PI-CAI curves read their operating points with.
@Suite struct NumpyInterpTests {
    @Test func aPointBetweenTwoXsIsOnTheirSegmentAndOutsideTakesTheEndValue() {
        #expect(NumpyInterp.value(at: 0.25, xs: [0, 1], ys: [0, 2]) == 0.5)
        #expect(NumpyInterp.value(at: -1, xs: [0, 1], ys: [3, 4]) == 3)
        #expect(NumpyInterp.value(at: 9, xs: [0, 1], ys: [3, 4]) == 4)
    }

    @Test func aRepeatedXTakesTheLastOfItsValues() {
        #expect(NumpyInterp.value(at: 1, xs: [0, 1, 1, 2], ys: [0, 5, 7, 9]) == 7)
    }

    /// `np.interp(np.nan, [0, 1], [0, 1])` is nan (numpy 2.4.6, as every value here); this trapped on a force unwrap.
    @Test func aNaNIsNaNNotATrap() {
        #expect(NumpyInterp.value(at: .nan, xs: [0, 1], ys: [0, 1]).isNaN)
        #expect(NumpyInterp.value(at: 0.5, xs: [.nan, .nan], ys: [0, 1]).isNaN)
    }
}
