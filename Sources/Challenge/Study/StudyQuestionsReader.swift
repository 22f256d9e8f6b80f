/// Reads `questions`: `label`, `shapes` (at least one of them) and `comment`.
enum StudyQuestionsReader {
    static func read(_ field: YAMLField, task: TaskSpec, _ reader: inout SpecReader) -> StudyQuestions? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["label", "shapes", "comment"])
        let issuesBefore = reader.issues.count
        let labelField = field.child("label")
        let shapesField = field.child("shapes")
        guard labelField.isPresent || shapesField.isPresent else {
            reader.report(field.issue("no question; ask for a `label`, `shapes` or both"))
            return nil
        }
        let label = labelField.isPresent ? readLabel(labelField, task: task, &reader) : nil
        let shapes = shapesField.isPresent ? readShapes(shapesField, task: task, &reader) : nil
        let comment = reader.choice(field.child("comment"), as: StudyComment.self, required: false) ?? .notAsked
        guard reader.issues.count == issuesBefore else { return nil }
        return StudyQuestions(label: label, shapes: shapes, comment: comment)
    }

    /// `label: { classes: challenge | [names] }`: one class per item, so at least two to choose from.
    private static func readLabel(_ field: YAMLField, task: TaskSpec, _ reader: inout SpecReader) -> StudyClasses? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["classes"])
        let classesField = field.child("classes")
        guard let classes = readClasses(classesField, task: task, &reader) else { return nil }
        guard classes.names.count >= 2 else {
            reader.report(classesField.issue("a label question needs at least 2 classes to choose from, got \(classes.names.count)"))
            return nil
        }
        return classes
    }

    /// `shapes: { kinds: [point, polygon, box], classes: challenge | [names] }`.
    private static func readShapes(_ field: YAMLField, task: TaskSpec, _ reader: inout SpecReader) -> ShapeQuestion? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["kinds", "classes"])
        let kinds = readKinds(field.child("kinds"), &reader)
        let classes = readClasses(field.child("classes"), task: task, &reader)
        guard let kinds, let classes else { return nil }
        return ShapeQuestion(kinds: kinds, classes: classes)
    }

    private static func readKinds(_ field: YAMLField, _ reader: inout SpecReader) -> [ShapeKind]? {
        reader.distinctChoices(field, as: ShapeKind.self, noun: "shape kind", emptyAdvice: "name at least one of point, polygon, box")
    }

    /// `challenge` (the task's class ids, which the task must have) or a list of distinct class names.
    private static func readClasses(_ field: YAMLField, task: TaskSpec, _ reader: inout SpecReader) -> StudyClasses? {
        if let text = field.scalarText, field.isPresent {
            guard text == "challenge" else {
                reader.report(field.issue("expected `challenge` (the challenge's own classes) or a list of class names, got \"\(text)\""))
                return nil
            }
            guard !task.classes.isEmpty else {
                reader.report(field.issue(
                    "`challenge` names the challenge's classes, but its \(task.kind.rawValue) task has none; list the classes here"))
                return nil
            }
            return StudyClasses(names: task.classes.map(\.id), fromChallenge: true)
        }
        return StudyNames.list(field, noun: "class", &reader).map { StudyClasses(names: $0, fromChallenge: false) }
    }
}
