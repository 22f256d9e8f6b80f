/// Reads a study's mapping (the whole of `study.yaml`, or the `study:` section of `challenge.yaml`).
enum StudySpecReader {
    private static let keys: Set = [
        "slug", "title", "items", "questions", "readers", "adjudicators", "reads-per-item", "assignment", "hidden-repeats", "truth",
    ]

    static func read(_ field: YAMLField, challenge: ChallengeSpec, _ reader: inout SpecReader) -> StudySpec? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: keys)
        let issuesBefore = reader.issues.count
        let slug = ChallengeSpecParser.readSlug(field.child("slug"), &reader)
        let title = reader.string(field.child("title"))
        let items = StudyItemsReader.read(field.child("items"), &reader)
        let questions = StudyQuestionsReader.read(field.child("questions"), task: challenge.task, &reader)
        let readers = StudyNames.list(field.child("readers"), noun: "reader", &reader)
        let adjudicators = StudyNames.list(field.child("adjudicators"), noun: "adjudicator", required: false, &reader) ?? []
        let assignment = reader.choice(field.child("assignment"), as: AssignmentMethod.self)
        let readsPerItem = readReadsPerItem(field, readers: readers, assignment: assignment, &reader)
        let repeats = HiddenRepeatsReader.read(field.child("hidden-repeats"), &reader)
        let leastReads = readsPerItem.flatMap { assignment?.leastReads(readsPerItem: $0) }
        let truth = StudyTruthRuleReader.read(field.child("truth"), questions: questions, leastReads: leastReads, &reader)
        guard reader.issues.count == issuesBefore, let slug, let title, let items, let questions, let readers, let assignment,
            let readsPerItem
        else { return nil }
        return StudySpec(
            slug: slug, title: title, items: items, questions: questions, readers: readers, adjudicators: adjudicators,
            readsPerItem: readsPerItem, assignment: assignment, hiddenRepeats: repeats, truth: truth)
    }

    /// k: at least 1, at most the number of readers (each item's reads come from distinct readers); adaptive
    /// assignment needs k = 3 and three readers.
    private static func readReadsPerItem(
        _ field: YAMLField, readers: [String]?, assignment: AssignmentMethod?, _ reader: inout SpecReader
    ) -> Int? {
        let kField = field.child("reads-per-item")
        guard let k = reader.integer(kField, minimum: 1) else { return nil }
        if assignment == .adaptive {
            if k != 3 {
                reader.report(kField.issue(
                    "adaptive assignment reads each item twice and a third time where the two disagree, so reads-per-item is 3; got \(k)"))
                return nil
            }
            if let readers, readers.count < 3 {
                reader.report(field.child("readers").issue(
                    "adaptive assignment needs at least 3 readers, so that a third read comes from someone else; got \(readers.count)"))
                return nil
            }
        }
        if let readers, k > readers.count {
            reader.report(kField.issue(
                "reads-per-item \(k) is more than the \(readers.count) readers: each item's reads come from distinct readers"))
            return nil
        }
        return k
    }
}
