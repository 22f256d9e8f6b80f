import Scoring
import Testing

extension AgreementTests {
    @Suite("Cohen's kappa") struct CohenKappaTests {
        @Test(arguments: AgreementOracle.shared.studies)
        func matchesScikitLearnAndTheCostFormulaForEveryPair(_ study: AgreementOracle.Study) throws {
            let reads = try study.reads()
            for pair in study.cohen {
                let expected = ["none": pair.none, "linear": pair.linear, "quadratic": pair.quadratic, "custom": pair.custom]
                for (name, value) in expected {
                    let kappa = try CohenKappa.value(
                        reads, readerA: pair.readerA, readerB: pair.readerB, weights: AgreementOracle.weights(name, study.costs))
                    expectAgrees(kappa, value, "\(study.name) readers \(pair.readerA),\(pair.readerB) \(name)")
                }
            }
        }

        @Test func customWeightsKeepReaderAOnTheRows() throws {
            let study = AgreementOracle.shared.study(named: "three-readers-four-classes")
            let reads = try study.reads()
            let transposed = CostMatrix(rows: (0..<4).map { i in study.customWeights.map { $0[i] } })!
            let forward = try CohenKappa.value(reads, readerA: 0, readerB: 2, weights: .custom(study.costs))
            let swapped = try CohenKappa.value(reads, readerA: 2, readerB: 0, weights: .custom(transposed))
            let swappedUntransposed = try CohenKappa.value(reads, readerA: 2, readerB: 0, weights: .custom(study.costs))
            #expect(abs(forward - swapped) <= 1e-14)
            #expect(abs(forward - swappedUntransposed) > 1e-6)
        }

        @Test func isUndefinedWhenBothReadersUseOneCategory() throws {
            let reads = try AgreementReads(categories: ["a", "b", "c"], rows: [[1, 1], [1, 1], [1, 1]])
            for weights in [KappaWeights.unweighted, .linear, .quadratic] {
                #expect(try CohenKappa.value(reads, readerA: 0, readerB: 1, weights: weights).isNaN)
            }
        }

        @Test func isUndefinedWithoutAnItemBothReadersRead() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, nil], [nil, 1]])
            #expect(try CohenKappa.value(reads, readerA: 0, readerB: 1).isNaN)
        }

        @Test func rejectsTheSameReaderTwice() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, 1]])
            #expect(throws: AgreementError.sameReader(1)) { try CohenKappa.value(reads, readerA: 1, readerB: 1) }
        }

        @Test func rejectsAReaderOutsideTheStudy() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, 1]])
            #expect(throws: AgreementError.readerOutOfRange(reader: 2, readerCount: 2)) {
                try CohenKappa.value(reads, readerA: 0, readerB: 2)
            }
        }

        @Test func rejectsAWeightMatrixOfAnotherSize() throws {
            let reads = try AgreementReads(categories: ["a", "b", "c"], rows: [[0, 1]])
            let costs = CostMatrix(rows: [[0, 1], [1, 0]])!
            #expect(throws: AgreementError.weightMatrixSize(classCount: 2, categoryCount: 3)) {
                try CohenKappa.value(reads, readerA: 0, readerB: 1, weights: .custom(costs))
            }
        }

        @Test func rejectsANonFiniteWeight() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, 1]])
            let costs = CostMatrix(rows: [[0, 1], [.infinity, 0]])!
            #expect(throws: AgreementError.weightNotFinite(row: 1, column: 0, value: .infinity)) {
                try CohenKappa.value(reads, readerA: 0, readerB: 1, weights: .custom(costs))
            }
        }
    }
}
