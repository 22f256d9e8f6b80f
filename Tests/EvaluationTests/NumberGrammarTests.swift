import Challenge
import Evaluation
import Foundation
import Scoring
import Testing

/// Participants' files share one number grammar (`DecimalNumber`): the same texts are accepted or refused in a
/// classification prediction file and in a lesion point file, and a refusal names the file, line, column and field.
@Suite struct NumberGrammarTests {
    /// Texts in the grammar (the spaces and tabs around a field are trimmed).
    static let accepted = [
        "0", "1", "0.5", "007", "-0", "-0.0", "+0.5", ".5", "5.", "0.25e0", "2.5E-1", "1e-3", "1E+0", "5e-1",
        "0.30000000000000004", "0.1234567890123456789", "1e-400", " 0.5", "0.5\t", "\t1 ",
    ]
    /// Texts outside it: hexadecimal, infinities and NaN, malformed signs, points and exponents, other digits.
    static let refused = [
        "", " ", "0x10", "0x1p-1", "0X1P-1", "-0x1", "inf", "-inf", "Infinity", "nan", "NaN", "1e999", "-1e999",
        ".", "-", "+", "e1", ".e1", "1e", "1e+", "1e1.5", "1.2.3", "--1", "+-1", "1 5", "1_000", "0b1", "1d0", "1f",
        "0.5%", "\u{0663}", "\u{FF11}", "½",
    ]

    static let task = TaskSpec(kind: .slideClassification, classes: ["a", "b"].map { ClassSpec(id: $0, name: $0) })

    /// The problems of a classification file whose `p_a` of case A (line 2, column 3) is `text`.
    static func classificationProblems(_ text: String) -> [ValidationProblem] {
        let csv = "case_id,label,p_a,p_b\nA,a,\(text),0.5\n"
        do {
            _ = try PredictionParser(task: task, expectedCaseIDs: ["A"]).parse(Array(csv.utf8), file: "classes.csv")
            return []
        } catch {
            #expect(error.file == "classes.csv")
            return error.problems
        }
    }

    /// The points, or the problems, of a lesion point file whose confidence on line 2 (column 4) is `text`.
    static func lesionPoints(_ text: String, lineEnd: String) -> Result<[String: [LesionPoint]], ValidationFailure> {
        let csv = "case_id,x,y,confidence\(lineEnd)s1,1,2,\(text)\(lineEnd)"
        do {
            return .success(try LesionPointParser(slideSizes: ["s1": (1000, 1000)]).parse(Array(csv.utf8), file: "points.csv"))
        } catch {
            #expect(error.file == "points.csv")
            return .failure(error)
        }
    }

    static func notANumber(_ problems: [ValidationProblem]) -> [ValidationProblem] {
        problems.filter { $0.kind == .notANumber }
    }

    @Test(arguments: accepted)
    func acceptedInBothFileKinds(text: String) {
        #expect(Self.notANumber(Self.classificationProblems(text)).isEmpty, "\(text.debugDescription)")
        let value = Double(text.trimmingCharacters(in: [" ", "\t"]))
        for lineEnd in ["\n", "\r\n"] {
            switch Self.lesionPoints(text, lineEnd: lineEnd) {
            case .success(let points):
                #expect(points["s1"]?.first?.confidence.bitPattern == value?.bitPattern, "\(text.debugDescription)")
            case .failure(let failure):
                #expect(Self.notANumber(failure.problems).isEmpty, "\(text.debugDescription)")
                #expect(value.map { !(0...1).contains($0) } == true, "\(text.debugDescription) is in range yet refused")
            }
        }
    }

    @Test(arguments: refused)
    func refusedInBothFileKindsWithTheirPlace(text: String) throws {
        let classification = Self.notANumber(Self.classificationProblems(text))
        #expect(classification.map(\.line) == [2], "\(text.debugDescription)")
        #expect(classification.map(\.column) == [3])
        #expect(classification.map(\.field) == ["p_a"])
        #expect(classification.map(\.caseID) == ["A"])
        for lineEnd in ["\n", "\r\n"] {
            guard case .failure(let failure) = Self.lesionPoints(text, lineEnd: lineEnd) else {
                Issue.record("\(text.debugDescription) was accepted in a lesion point file")
                continue
            }
            let lesion = Self.notANumber(failure.problems)
            #expect(lesion.map(\.line) == [2], "\(text.debugDescription)")
            #expect(lesion.map(\.column) == [4])
            #expect(lesion.map(\.field) == ["confidence"])
            #expect(lesion.map(\.caseID) == ["s1"])
            #expect(failure.description.contains("points.csv, line 2, column 4 (confidence)"))
        }
    }

    /// Coordinates follow the same grammar as confidences: `0x10` is not 16.
    @Test func hexadecimalCoordinatesAreRefused() {
        let csv = "case_id,x,y,confidence\ns1,0x10,2,0.5\n"
        #expect(throws: ValidationFailure.self) {
            try LesionPointParser(slideSizes: ["s1": (1000, 1000)]).parse(Array(csv.utf8), file: "points.csv")
        }
    }
}
