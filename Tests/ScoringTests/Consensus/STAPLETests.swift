import Scoring
import Testing

extension ConsensusTests {
    @Suite("STAPLE") struct STAPLETests {
        @Test(arguments: STAPLEOracle.shared.cases)
        func matchesSimpleITK(_ oracle: STAPLEOracle.Case) throws {
            let estimate = try oracle.estimate()
            expectMatchesOracle(estimate.probabilities, oracle.probabilities, "\(oracle.name) probabilities")
            expectMatchesOracle(estimate.sensitivity, oracle.sensitivity, "\(oracle.name) sensitivity")
            expectMatchesOracle(estimate.specificity, oracle.specificity, "\(oracle.name) specificity")
            #expect(estimate.elapsedIterations == oracle.elapsedIterations)
        }

        @Test func fixtureWasWrittenByThePinnedSimpleITK() {
            #expect(STAPLEOracle.shared.versions["SimpleITK"] == "2.5.2")
            #expect(STAPLEOracle.shared.versions["ITK"] == "5.4")
        }

        @Test func priorIsTheMeanShareOfReadsTimesTheConfidenceWeight() throws {
            let masks: [[UInt8]] = [[1, 1, 0, 0], [1, 0, 0, 0]]
            let estimate = try STAPLE.estimate(
                masks: masks, width: 2, height: 2, options: STAPLE.Options(confidenceWeight: 0.5))
            #expect(estimate.prior == 3.0 / 8.0 * 0.5)
        }

        @Test func booleanMasksGiveTheSameEstimateAsMasksOfOnes() throws {
            let oracle = STAPLEOracle.shared.testCase(named: "three-readers")
            let booleans = oracle.pixelMasks.map { $0.map { $0 == 1 } }
            let estimate = try STAPLE.estimate(masks: booleans, width: oracle.width, height: oracle.height)
            #expect(estimate == (try oracle.estimate()))
        }

        @Test func identicalReadersAreFullySensitiveAndSpecific() throws {
            let estimate = try STAPLEOracle.shared.testCase(named: "all-readers-identical").estimate()
            #expect(estimate.sensitivity == [1, 1, 1])
            #expect(estimate.specificity == [1, 1, 1])
            #expect(estimate.probabilities.allSatisfy { $0 == 0 || $0 == 1 })
        }

        @Test func rejectsAMaskOfTheWrongSize() {
            #expect(throws: STAPLEError.maskSizeMismatch(reader: 1, count: 5, expected: 6)) {
                try STAPLE.estimate(masks: [[UInt8]](arrayLiteral: [0, 1, 0, 1, 0, 1], [0, 1, 0, 1, 0]), width: 3, height: 2)
            }
        }

        @Test func rejectsNoMasksAndEmptyGrids() {
            #expect(throws: STAPLEError.noMasks) { try STAPLE.estimate(masks: [[UInt8]](), width: 2, height: 2) }
            #expect(throws: STAPLEError.invalidSize(width: 4, height: 0, depth: 1)) {
                try STAPLE.estimate(masks: [[UInt8]](arrayLiteral: []), width: 4, height: 0)
            }
        }

        @Test func checksTheBudgetBeforeLookingAtTheMasks() {
            // The masks are empty: the sizes alone are refused, before any mask is read or anything allocated.
            #expect(throws: STAPLEError.budgetExceeded(pixels: 1 << 20, readers: 3, limit: 1 << 21)) {
                try STAPLE.estimate(masks: [[UInt8]](repeating: [], count: 3), width: 1024, height: 1024, pixelReadBudget: 1 << 21)
            }
            #expect(throws: STAPLEError.sizeOverflow(width: 1 << 40, height: 1 << 40, depth: 1, readers: 2)) {
                try STAPLE.estimate(masks: [[Bool]](repeating: [], count: 2), width: 1 << 40, height: 1 << 40)
            }
        }

        @Test func rejectsInvalidSettings() {
            let masks: [[UInt8]] = [[1, 0]]
            #expect(throws: STAPLEError.invalidConfidenceWeight(-1)) {
                try STAPLE.estimate(masks: masks, width: 2, height: 1, options: STAPLE.Options(confidenceWeight: -1))
            }
            #expect(throws: STAPLEError.invalidMaximumIterations(-2)) {
                try STAPLE.estimate(masks: masks, width: 2, height: 1, options: STAPLE.Options(maximumIterations: -2))
            }
        }

        @Test func errorMessagesNameTheOffendingSizes() {
            let error = STAPLEError.budgetExceeded(pixels: 1_048_576, readers: 3, limit: 2_097_152)
            #expect(error.description == "1048576 pixels × 3 readers = 3145728 pixel reads, over the budget of 2097152")
            #expect(
                STAPLEError.maskSizeMismatch(reader: 2, count: 10, expected: 12).description
                    == "reader 2's mask has 10 pixels, expected 12 (width × height × depth)")
        }
    }
}
