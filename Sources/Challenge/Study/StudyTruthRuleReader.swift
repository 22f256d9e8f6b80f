/// Reads the optional `truth: { consensus: majority | staple, min-reads }`.
enum StudyTruthRuleReader {
    /// `leastReads`: the fewest reads every item gets under the study's assignment (nil when that is unknown).
    static func read(_ field: YAMLField, questions: StudyQuestions?, leastReads: Int?, _ reader: inout SpecReader) -> StudyTruthRule? {
        guard field.isPresent else { return nil }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["consensus", "min-reads"])
        let consensusField = field.child("consensus")
        guard let consensus = reader.choice(consensusField, as: ConsensusMethod.self) else { return nil }
        if let questions, let problem = mismatch(consensus, questions) {
            reader.report(consensusField.issue(problem))
            return nil
        }
        let minimumField = field.child("min-reads")
        guard minimumField.isPresent else { return leastReads.map { StudyTruthRule(consensus: consensus, minimumReads: $0) } }
        guard let minimum = reader.integer(minimumField, minimum: 1) else { return nil }
        if let leastReads, minimum > leastReads {
            reader.report(minimumField.issue(
                "min-reads \(minimum) is more than the \(leastReads) reads some items get under this assignment, "
                    + "so they would never become truth"))
            return nil
        }
        return StudyTruthRule(consensus: consensus, minimumReads: minimum)
    }

    /// Majority votes on labels; STAPLE combines masks, which only polygons and boxes make.
    private static func mismatch(_ consensus: ConsensusMethod, _ questions: StudyQuestions) -> String? {
        switch consensus {
        case .majority where questions.label == nil:
            "majority consensus votes on labels, and the study asks for none; add a `label` question or use staple"
        case .staple where !(questions.shapes?.kinds.contains { $0 != .point } ?? false):
            "staple consensus combines masks, which need polygon or box shapes; the study asks for none"
        default:
            nil
        }
    }
}
