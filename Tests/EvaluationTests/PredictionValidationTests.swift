import Challenge
import Evaluation
import Foundation
import TestSupport
import Testing

@Suite("Prediction files")
struct PredictionValidationTests {
    static let task = TaskSpec(kind: .slideClassification, classes: ["0", "1", "2"].map { ClassSpec(id: $0, name: $0) })
    static let cases = ["A", "B", "C"]

    func problems(_ csv: String) -> [ValidationProblem] {
        do {
            _ = try PredictionParser(task: Self.task, expectedCaseIDs: Self.cases).parse(Array(csv.utf8), file: "p.csv")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func malformedDemoFileReportsExactlyTheExpectedProblems() throws {
        struct Expected: Decodable, Equatable { let line: Int?; let column: String?; let kind: String; let caseId: String? }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let expected = try decoder.decode([Expected].self, from: Data(contentsOf: RepositoryFiles.url("Fixtures/tissuenet-demo/malformed-expected.json")))
        let spec = try ChallengeSpecParser.load(directory: RepositoryFiles.url("Challenges/tissuenet-demo"))
        let truth = try TruthParser.parse(try RepositoryFiles.bytes("Fixtures/tissuenet-demo/truth.csv"), file: "truth.csv", task: spec.task)
        let parser = PredictionParser(task: spec.task, expectedCaseIDs: truth.cases.map(\.id))
        let failure = #expect(throws: ValidationFailure.self) {
            try parser.parse(try RepositoryFiles.bytes("Fixtures/tissuenet-demo/predictions/malformed.csv"), file: "malformed.csv")
        }
        let found = (failure?.problems ?? []).map {
            Expected(line: $0.line, column: $0.field, kind: $0.kind.rawValue, caseId: $0.caseID)
        }
        #expect(found == expected)
    }

    @Test func validFileIsAlignedToThePhaseCaseOrder() throws {
        let parsed = try PredictionParser(task: Self.task, expectedCaseIDs: Self.cases)
            .parse(Array("case_id,label,p_0,p_1,p_2\nC,2,0,0,1\nA,0,1,0,0\nB,1,0.2,0.5,0.3\n".utf8), file: "p.csv")
        #expect(parsed.labels == [0, 1, 2])
        #expect(parsed.probabilities == [1, 0, 0, 0.2, 0.5, 0.3, 0, 0, 1])
    }

    @Test func labelsWithoutProbabilitiesAreAccepted() throws {
        let parsed = try PredictionParser(task: Self.task, expectedCaseIDs: Self.cases)
            .parse(Array("case_id,label\r\nA,0\r\nB,1\r\nC,2\r\n".utf8), file: "p.csv")
        #expect(parsed.probabilities == nil)
    }

    @Test func missingLabelColumnIsReportedOnTheHeader() {
        let found = problems("case_id,p_0,p_1,p_2\nA,1,0,0\n")
        #expect(found.map(\.kind) == [.missingColumn])
        #expect(found.first?.field == "label")
        #expect(found.first?.line == 1)
    }

    @Test func probabilityColumnForAnUnknownClassIsRefused() {
        let found = problems("case_id,label,p_0,p_1,p_2,p_9\nA,0,1,0,0,0\n")
        #expect(found.map(\.kind) == [.unknownColumn])
        #expect(found.first?.column == 6)
    }

    @Test func someButNotAllProbabilityColumnsIsRefused() {
        #expect(problems("case_id,label,p_0,p_1\nA,0,1,0\n").map(\.kind) == [.incompleteProbabilities])
    }

    @Test func repeatedColumnIsRefused() {
        #expect(problems("case_id,label,label\nA,0,0\n").map(\.kind) == [.duplicateColumn])
    }

    @Test func unclosedQuoteNamesLineAndByte() {
        let found = problems("case_id,label\nA,0\n\"B,1\nC,2\n")
        #expect(found.map(\.kind) == [.notCSV])
        #expect(found.first?.line == 3)
        #expect(found.first?.byteOffset == 18)
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() {
        var bytes = Array("case_id,label\nA,".utf8)
        bytes += [0xFF, 0x0A]
        do {
            _ = try PredictionParser(task: Self.task, expectedCaseIDs: Self.cases).parse(bytes, file: "p.csv")
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.problems.first?.kind == .notCSV)
            #expect(error.problems.first?.byteOffset == 16)
        }
    }

    @Test func emptyFileIsRefused() {
        #expect(problems("").map(\.kind) == [.notCSV])
    }

    @Test func nonFiniteAndHexadecimalNumbersAreNotProbabilities() {
        let found = problems("case_id,label,p_0,p_1,p_2\nA,0,nan,0,1\nB,1,0x1p-1,0.5,0\nC,2,inf,0,0\n")
        #expect(found.map(\.kind) == [.notANumber, .notANumber, .notANumber])
        #expect(found.map(\.line) == [2, 3, 4])
    }

    @Test func probabilitiesWithinTheToleranceOfOneAreAccepted() {
        #expect(problems("case_id,label,p_0,p_1,p_2\nA,0,0.3333333,0.3333333,0.3333333\nB,1,0,1,0\nC,2,0,0,1\n").isEmpty)
    }

    @Test func quotedFieldsAndSpacesAreRead() {
        #expect(problems("case_id,label\n\"A\", 0\nB ,\"1\"\nC,2\n").isEmpty)
    }

    @Test func everyMissingCaseIsListedByID() {
        let found = problems("case_id,label\nB,1\n")
        #expect(found.map(\.kind) == [.missingCase, .missingCase])
        #expect(found.map(\.caseID) == ["A", "C"])
    }

    @Test func problemListIsBoundedForHugeBadFiles() {
        let rows = (0..<5000).map { "X\($0),0" }.joined(separator: "\n")
        let found = problems("case_id,label\n" + rows + "\n")
        #expect(found.count == 1001)
        #expect(found.last?.kind == .tooManyProblems)
    }
}
