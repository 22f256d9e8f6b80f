import Challenge
import Evaluation
import Scoring
import TestSupport
import Testing

@Suite("Reads files of reader studies (agreement)")
struct AgreementReadsFileTests {
    static let grades = ["benign", "low", "high"].map { ClassSpec(id: $0, name: $0) }

    func problems(_ bytes: [UInt8], parser: ReadsParser = ReadsParser()) -> [ValidationProblem] {
        do {
            _ = try parser.parse(bytes, file: "reads.csv")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func integerLabelsSpanEveryIntegerBetweenTheSmallestAndTheLargest() throws {
        let parsed = try ReadsParser().parse(Array("item_id,reader,label\nt1,kim,0\nt1,ali,3\nt2,kim,03\n".utf8), file: "reads.csv")
        #expect(parsed.ordered)
        #expect(parsed.reads.categories == ["0", "1", "2", "3"])
        #expect(parsed.reads.label(item: 1, reader: 0) == 3)
    }

    @Test func otherLabelsAreSortedAndUnordered() throws {
        let parsed = try ReadsParser().parse(Array("reader,label,item_id\nkim,tumour,t1\nali,normal,t1\n".utf8), file: "reads.csv")
        #expect(!parsed.ordered)
        #expect(parsed.reads.categories == ["normal", "tumour"])
        #expect(parsed.reads.readerIDs == ["kim", "ali"])
    }

    @Test func classesGiveTheCategoriesInTheirOrder() throws {
        let parsed = try ReadsParser(classes: Self.grades).parse(Array("item_id,reader,label\nt1,kim,high\n".utf8), file: "reads.csv")
        #expect(parsed.ordered)
        #expect(parsed.reads.categories == ["benign", "low", "high"])
        #expect(parsed.reads.label(item: 0, reader: 0) == 2)
    }

    @Test func aLabelThatIsNotAClassIsLocated() {
        let found = problems(Array("item_id,reader,label\nt1,kim,high\nt2,kim,severe\n".utf8), parser: ReadsParser(classes: Self.grades))
        #expect(found.map(\.kind) == [.unknownLabel])
        #expect(found.first?.line == 3 && found.first?.column == 3 && found.first?.caseID == "t2")
    }

    @Test func aSecondReadOfTheSameItemByTheSameReaderIsRefused() throws {
        let found = problems(try RepositoryFiles.bytes("Fixtures/bad/reads-duplicate-read.csv"))
        #expect(found.map(\.kind) == [.duplicateRow])
        #expect(found.first?.line == 5)
        #expect(found.first?.message == "reader \"kim\" already read item \"t1\" on line 2")
    }

    @Test func emptyFieldsAreEachLocated() throws {
        let found = problems(try RepositoryFiles.bytes("Fixtures/bad/reads-empty-fields.csv"))
        #expect(found.map(\.kind) == [.emptyField, .emptyField, .emptyField])
        #expect(found.map(\.field) == ["reader", "item_id", "label"])
        #expect(found.map(\.line) == [3, 4, 4])
    }

    @Test func missingAndUnexpectedColumnsAreReportedOnTheHeader() {
        let found = problems(Array("item_id,reader,grade\nt1,kim,0\n".utf8))
        #expect(Set(found.map(\.kind)) == [.unknownColumn, .missingColumn])
        #expect(found.allSatisfy { $0.line == 1 })
    }

    @Test func aHeaderWithoutReadsIsRefused() {
        #expect(problems(Array("item_id,reader,label\n".utf8)).map(\.kind) == [.missingCase])
    }

    @Test func aFileOverTheByteBudgetIsRefusedBeforeParsing() {
        let parser = ReadsParser(limits: ReadsLimits(maxBytes: 32))
        let bytes = Array("item_id,reader,label\nt1,kim,0\nt1,ali,\"".utf8)
        let found = problems(bytes, parser: parser)
        #expect(found.map(\.kind) == [.fileTooLarge], "an unclosed quote past the budget is never parsed")
        #expect(found.first?.message == "the file has more than 32 bytes; a reads file may have at most that")
    }

    @Test func aFileOverTheLineBudgetIsRefusedBeforeParsing() {
        let parser = ReadsParser(limits: ReadsLimits(maxLines: 2))
        let found = problems(Array("item_id,reader,label\nt1,kim,0\nt1,ali,1\n".utf8), parser: parser)
        #expect(found.map(\.kind) == [.fileTooLarge])
        #expect(found.first?.line == 3)
    }

    @Test func integerLabelsSpanningTooManyCategoriesAreRefused() {
        let found = problems(Array("item_id,reader,label\nt1,kim,0\nt1,ali,5000\n".utf8))
        #expect(found.map(\.kind) == [.tooManyCategories])
        let extreme = problems(Array("item_id,reader,label\nt1,kim,-9223372036854775808\nt1,ali,9223372036854775807\n".utf8))
        #expect(extreme.map(\.kind) == [.tooManyCategories])
    }
}
