import Foundation
import TestSupport
import Testing

/// `arbiter score agreement` on the oracle's reads.csv (the "cli-tissuenet" study of
/// Fixtures/oracles/agreement/expected.json) and on broken files.
@Suite struct AgreementScoreCommandTests {
    let readsPath = RepositoryFiles.path("Fixtures/oracles/agreement/reads.csv")
    let specPath = RepositoryFiles.path("Challenges/tissuenet-demo/challenge.yaml")

    /// The parts of the oracle the command is compared with.
    struct Oracle: Decodable {
        struct Pair: Decodable {
            let readerA: Int
            let readerB: Int
            let none: Double?
            let quadratic: Double?
            let custom: Double?
        }

        struct Fleiss: Decodable {
            let kappa: Double?
            let readsPerItem: Int
        }

        struct Alpha: Decodable {
            let withDomain: Double?
        }

        struct Study: Decodable {
            let name: String
            let cohen: [Pair]
            let fleiss: Fleiss
            let krippendorff: [String: Alpha]
            let percentAgreement: Double?
        }

        let cliReaders: [String]
        let studies: [Study]

        static func load() throws -> (readers: [String], study: Study) {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let oracle = try decoder.decode(Oracle.self, from: Data(try RepositoryFiles.bytes("Fixtures/oracles/agreement/expected.json")))
            return (oracle.cliReaders, try #require(oracle.studies.first { $0.name == "cli-tissuenet" }))
        }
    }

    /// The command's JSON.
    struct Output: Decodable {
        struct Value: Decodable {
            let value: Double?
            let lower: Double?
            let upper: Double?
        }

        struct Pair: Decodable {
            let readerA: String
            let readerB: String
            let kappa: Value
        }

        struct Fleiss: Decodable {
            let kappa: Value
            let readsPerItem: Int
        }

        let items: Int
        let readers: [String]
        let categories: [String]
        let ordered: Bool
        let cohenKappa: [Pair]
        let fleissKappa: Fleiss
        let krippendorffAlpha: [String: Value]
        let percentAgreement: Value
    }

    func output(_ arguments: [String]) async throws -> Output {
        let run = try await ArbiterBinary.run(["score", "agreement", "--reads", readsPath, "--json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode(Output.self, from: Data(run.stdout.utf8))
    }

    func expectClose(_ actual: Double?, _ expected: Double?, _ what: String) {
        guard let expected, let actual else {
            #expect(actual == nil && expected == nil, "\(what): \(String(describing: actual)), oracle \(String(describing: expected))")
            return
        }
        #expect(abs(actual - expected) <= 1e-12, "\(what): \(actual), oracle \(expected)")
    }

    @Test func printsEveryStatisticAsTheOracleComputesIt() async throws {
        let (readers, study) = try Oracle.load()
        let output = try await output([])
        #expect(output.items == 300)
        #expect(output.readers == readers)
        #expect(output.categories == ["0", "1", "2", "3"] && output.ordered)
        #expect(output.cohenKappa.count == study.cohen.count)
        for (pair, reference) in zip(output.cohenKappa, study.cohen) {
            #expect(pair.readerA == readers[reference.readerA] && pair.readerB == readers[reference.readerB])
            expectClose(pair.kappa.value, reference.none, "\(pair.readerA) vs \(pair.readerB)")
        }
        expectClose(output.fleissKappa.kappa.value, study.fleiss.kappa, "Fleiss")
        #expect(output.fleissKappa.readsPerItem == study.fleiss.readsPerItem)
        for level in ["nominal", "ordinal"] {
            expectClose(output.krippendorffAlpha[level]?.value, study.krippendorff[level]?.withDomain, "\(level) alpha")
        }
        expectClose(output.percentAgreement.value, study.percentAgreement, "percent agreement")
    }

    @Test func costMatrixWeightsAreTheChallengesMatrixWithReaderAOnTheRows() async throws {
        let (_, study) = try Oracle.load()
        let output = try await output(["--weights", "cost-matrix", "--spec", specPath])
        for (pair, reference) in zip(output.cohenKappa, study.cohen) {
            expectClose(pair.kappa.value, reference.custom, "\(pair.readerA) vs \(pair.readerB) cost matrix")
        }
    }

    @Test func quadraticWeightsNeedNoSpecForIntegerLabels() async throws {
        let (_, study) = try Oracle.load()
        let output = try await output(["--weights", "quadratic", "--resamples", "200", "--seed", "9"])
        for (pair, reference) in zip(output.cohenKappa, study.cohen) {
            expectClose(pair.kappa.value, reference.quadratic, "\(pair.readerA) vs \(pair.readerB) quadratic")
            let lower = try #require(pair.kappa.lower)
            let upper = try #require(pair.kappa.upper)
            #expect(lower < upper)
        }
    }

    @Test func textOutputNamesEachPairAndStatistic() async throws {
        let run = try await ArbiterBinary.run(["score", "agreement", "--reads", readsPath])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("300 items, 3 readers"))
        #expect(run.stdout.contains("dr_lambert vs dr_okafor: 0.47601"))
        #expect(run.stdout.contains("Fleiss' kappa: 0.39002"))
        #expect(run.stdout.contains("Krippendorff's alpha (ordinal): 0.61070"))
        #expect(run.stdout.contains("Percent agreement: 0.57342"))
    }

    @Test func nonIntegerLabelsGiveNominalStatisticsOnly() async throws {
        let folder = try ScratchFolder()
        let path = try folder.write(Array("item_id,reader,label\nt1,a,tumour\nt1,b,tumour\nt2,a,normal\nt2,b,tumour\n".utf8), to: "reads.csv")
        let run = try await ArbiterBinary.run(["score", "agreement", "--reads", path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(run.stdout.utf8))
        #expect(output.categories == ["normal", "tumour"] && !output.ordered)
        #expect(Set(output.krippendorffAlpha.keys) == ["nominal"])
        let refused = try await ArbiterBinary.run(["score", "agreement", "--reads", path, "--weights", "linear"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--weights linear needs ordered labels"), "\(refused.stderr)")
    }

    @Test func aLabelThatIsNotAClassIsRefusedWithItsLineAndColumn() async throws {
        let folder = try ScratchFolder()
        let path = try folder.write(Array("item_id,reader,label\nt1,a,0\nt1,b,7\n".utf8), to: "reads.csv")
        let run = try await ArbiterBinary.run(["score", "agreement", "--reads", path, "--spec", specPath])
        #expect(run.status != 0)
        #expect(run.stderr.contains("reads.csv, line 3, column 3 (label), case t1: label \"7\" is not a class"), "\(run.stderr)")
    }

    @Test func costMatrixWeightsWithoutASpecAreAUsageError() async throws {
        let run = try await ArbiterBinary.run(["score", "agreement", "--reads", readsPath, "--weights", "cost-matrix"])
        #expect(run.status == ArbiterRun.usageError)
        #expect(run.stderr.contains("pass --spec"), "\(run.stderr)")
    }
}
