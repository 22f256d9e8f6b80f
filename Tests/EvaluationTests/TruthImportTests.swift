import Challenge
import Evaluation
import Testing

@Suite("Ground-truth files")
struct TruthImportTests {
    static let task = TaskSpec(kind: .slideClassification, classes: ["0", "1"].map { ClassSpec(id: $0, name: $0) })

    func problems(_ csv: String) -> [ValidationProblem] {
        do {
            _ = try TruthParser.parse(Array(csv.utf8), file: "truth.csv", task: Self.task)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsCasesWithSplits() throws {
        let truth = try TruthParser.parse(Array("case_id,label,split\nA,0,public\nB,1,private\n".utf8), file: "t.csv", task: Self.task)
        #expect(truth.cases == [TruthCase(id: "A", label: 0, split: .public), TruthCase(id: "B", label: 1, split: .private)])
    }

    @Test func duplicateCaseNamesBothLines() {
        let found = problems("case_id,label,split\nA,0,public\nA,1,public\n")
        #expect(found.map(\.kind) == [.duplicateCase])
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("line 2") == true)
    }

    @Test func unknownLabelIsRefusedWithLineAndColumn() {
        let found = problems("case_id,label,split\nA,7,public\n")
        #expect(found.map(\.kind) == [.unknownLabel])
        #expect(found.first?.line == 2)
        #expect(found.first?.column == 2)
    }

    @Test func emptyCaseIDIsRefused() {
        #expect(problems("case_id,label,split\n,0,public\n").map(\.kind) == [.emptyCaseID])
    }

    @Test func splitMustBePublicOrPrivate() {
        let found = problems("case_id,label,split\nA,0,test\n")
        #expect(found.map(\.kind) == [.unknownSplit])
        #expect(found.first?.column == 3)
    }

    @Test func allProblemsAreReportedTogether() {
        let found = problems("case_id,label,split\n,0,public\nB,9,public\nC,0,hidden\nC,1,public\n")
        #expect(found.map(\.kind) == [.emptyCaseID, .unknownLabel, .unknownSplit, .duplicateCase])
    }

    @Test func splitColumnIsRequiredForImport() {
        #expect(problems("case_id,label\nA,0\n").map(\.kind) == [.missingColumn])
    }
}
