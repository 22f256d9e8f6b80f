import Yams

/// Reads a reader study's spec, from `study.yaml` or from the `study:` section of `challenge.yaml` (one place, not
/// both), reporting every problem with its key path, line and column. Pure: callers hand it the text.
///
/// Key paths are those of the file the study is in: `items.regions[3].box` in `study.yaml`,
/// `study.items.regions[3].box` in `challenge.yaml`.
public enum StudySpecParser {
    /// The study's own file in a challenge's folder.
    public static let fileName = "study.yaml"
    /// The key of the study's section in `challenge.yaml`.
    public static let sectionKey = "study"

    /// Parses `study.yaml`; `challenge` is the challenge it belongs to (its classes stand behind `classes: challenge`).
    public static func parse(yaml: String, file: String, challenge: ChallengeSpec) throws(SpecError) -> StudySpec {
        let root = try compose(yaml, file: file)
        return try read(YAMLField(node: root, path: "", fallbackMark: nil), file: file, challenge: challenge)
    }

    /// Parses the `study:` section of `challenge.yaml`, or returns nil when there is none.
    public static func parse(challengeYAML: String, file: String, challenge: ChallengeSpec) throws(SpecError) -> StudySpec? {
        let root = YAMLField(node: try compose(challengeYAML, file: file), path: "", fallbackMark: nil)
        let section = root.child(sectionKey)
        guard section.isPresent else { return nil }
        return try read(section, file: file, challenge: challenge)
    }

    /// Parses the study of a challenge folder, wherever it is: `studyYAML` is the text of its `study.yaml` (nil when
    /// the folder has none). Returns nil when the challenge has no study; a study in both places is an issue.
    public static func parse(
        studyYAML: String?, studyFile: String, challengeYAML: String, challengeFile: String, challenge: ChallengeSpec
    ) throws(SpecError) -> StudySpec? {
        let root = YAMLField(node: try compose(challengeYAML, file: challengeFile), path: "", fallbackMark: nil)
        let study = try parseStudy(studyYAML: studyYAML, studyFile: studyFile, root: root, challengeFile: challengeFile, challenge: challenge)
        if let study {
            let issues = HumanBandCheck.issues(challengeRoot: root, challenge: challenge, study: study)
            guard issues.isEmpty else { throw SpecError(file: challengeFile, issues: issues) }
        }
        return study
    }

    private static func parseStudy(
        studyYAML: String?, studyFile: String, root: YAMLField, challengeFile: String, challenge: ChallengeSpec
    ) throws(SpecError) -> StudySpec? {
        guard let studyYAML else {
            let section = root.child(sectionKey)
            return section.isPresent ? try read(section, file: challengeFile, challenge: challenge) : nil
        }
        if root.child(sectionKey).isPresent, let key = root.keys.first(where: { $0.key == sectionKey }) {
            throw SpecError(file: challengeFile, issues: [
                SpecIssue(path: sectionKey, line: key.mark?.line, column: key.mark?.column,
                          message: "the study is also described in \(studyFile); describe it in one place, not both"),
            ])
        }
        return try parse(yaml: studyYAML, file: studyFile, challenge: challenge)
    }

    private static func compose(_ yaml: String, file: String) throws(SpecError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch {
            throw SpecError(file: file, issues: [ChallengeSpecParser.syntaxIssue(error)])
        }
    }

    private static func read(_ field: YAMLField, file: String, challenge: ChallengeSpec) throws(SpecError) -> StudySpec {
        var reader = SpecReader()
        let spec = StudySpecReader.read(field, challenge: challenge, &reader)
        guard let spec, reader.issues.isEmpty else {
            throw SpecError(file: file, issues: reader.issues)
        }
        return spec
    }
}
