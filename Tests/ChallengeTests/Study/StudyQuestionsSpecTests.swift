import Challenge
import Foundation
import Testing

/// `questions`: each failure mode is one issue with its key path, line, column and a message naming the value.
@Suite("study spec: questions")
struct StudyQuestionsSpecTests {
    func only(_ yaml: String, challenge: ChallengeSpec? = nil) throws -> SpecIssue? {
        let found = try StudySpecExample.issues(yaml, challenge: challenge)
        #expect(found.count == 1, "\(found)")
        return found.first
    }

    @Test func studyWithoutLabelOrShapesIsAnIssue() throws {
        #expect(try only(StudySpecExample.replacingLines(8...9, with: nil)) == SpecIssue(path: "questions", line: 8, column: 3, message: "no question; ask for a `label`, `shapes` or both"))
    }

    @Test func challengeClassesNeedATaskWithClasses() throws {
        #expect(try only(StudySpecExample.valid, challenge: StudySpecExample.lesionChallenge()) == SpecIssue(
            path: "questions.label.classes", line: 8, column: 21,
            message: "`challenge` names the challenge's classes, but its slide-lesion-detection task has none; list the classes here"))
    }

    @Test func classesAreChallengeOrAList() throws {
        #expect(try only(StudySpecExample.replacingLine(8, with: "  label: { classes: mine }")) == SpecIssue(
            path: "questions.label.classes", line: 8, column: 21,
            message: "expected `challenge` (the challenge's own classes) or a list of class names, got \"mine\""))
    }

    @Test func labelNeedsTwoClassesToChooseFrom() throws {
        #expect(try only(StudySpecExample.replacingLine(8, with: "  label: { classes: [lesion] }")) == SpecIssue(
            path: "questions.label.classes", line: 8, column: 21, message: "a label question needs at least 2 classes to choose from, got 1"))
    }

    @Test func shapeClassNamesMustBeUnique() throws {
        #expect(try only(StudySpecExample.replacingLine(9, with: "  shapes: { kinds: [point, polygon], classes: [lesion, lesion] }")) == SpecIssue(
            path: "questions.shapes.classes[1]", line: 9, column: 56, message: "class \"lesion\" appears twice (first at questions.shapes.classes[0])"))
    }

    @Test func unknownShapeKindIsAnIssue() throws {
        #expect(try only(StudySpecExample.replacingLine(9, with: "  shapes: { kinds: [point, circle], classes: [lesion, artefact] }")) == SpecIssue(
            path: "questions.shapes.kinds[1]", line: 9, column: 28, message: "unknown value \"circle\"; expected one of \"point\", \"polygon\", \"box\""))
    }

    @Test func commentIsOptionalOrNone() throws {
        #expect(try only(StudySpecExample.replacingLine(10, with: "  comment: required")) == SpecIssue(
            path: "questions.comment", line: 10, column: 12, message: "unknown value \"required\"; expected one of \"optional\", \"none\""))
    }
}
