import Foundation
import Scoring
import Yams

/// Reads `challenge.yaml` (schema version 1), reporting every problem with its key path and line.
public enum ChallengeSpecParser {
    /// Parses YAML text; `file` only names the source in errors.
    public static func parse(yaml: String, file: String) throws(SpecError) -> ChallengeSpec {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw SpecError(file: file, issues: [syntaxIssue(error)])
        }
        var reader = SpecReader()
        let spec = readChallenge(YAMLField(node: root, path: "", fallbackMark: nil), &reader)
        guard let spec, reader.issues.isEmpty else {
            throw SpecError(file: file, issues: reader.issues)
        }
        return spec
    }

    static func syntaxIssue(_ error: any Error) -> SpecIssue {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return SpecIssue(path: "", line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
            default:
                break
            }
        }
        return SpecIssue(path: "", line: nil, column: nil, message: "YAML syntax: \(error)")
    }

    /// `study` is read by `StudySpecParser`, which needs the challenge this parser returns.
    private static let topLevelKeys: Set = ["schema", "slug", "title", "description", "task", "metrics", "phases", "participation", "study"]

    private static func readChallenge(_ root: YAMLField, _ reader: inout SpecReader) -> ChallengeSpec? {
        guard reader.requireMapping(root) else { return nil }
        reader.rejectUnknownKeys(in: root, allowed: topLevelKeys)
        let schemaField = root.child("schema")
        if let schema = reader.integer(schemaField), schema != ChallengeSpec.schemaVersion {
            reader.report(schemaField.issue(
                "schema version \(schema) is not supported; this Arbiter reads version \(ChallengeSpec.schemaVersion)"))
        }
        let slug = readSlug(root.child("slug"), &reader)
        let title = reader.string(root.child("title"))
        let description = reader.string(root.child("description"), required: false) ?? ""
        let task = TaskSpecReader.read(root.child("task"), &reader)
        let metrics = task.flatMap { MetricsSpecReader.read(root.child("metrics"), task: $0, &reader) }
        let columns = task.flatMap { task in
            metrics.map { ChallengeSpec(slug: "columns", title: "", description: "", task: task, metrics: $0, phases: []).resultColumns }
        }
        let phases = PhaseSpecReader.readAll(root.child("phases"), columns: columns, task: task?.kind, &reader)
        let participation = ParticipationSpecReader.read(root.child("participation"), &reader)
        guard let slug, let title, let task, let metrics, let phases else { return nil }
        return ChallengeSpec(slug: slug, title: title, description: description, task: task, metrics: metrics, phases: phases,
                             participation: participation)
    }

    /// Lowercase letters, digits and inner hyphens: slugs become URL paths and folder names.
    static func readSlug(_ field: YAMLField, _ reader: inout SpecReader) -> String? {
        guard let slug = reader.string(field) else { return nil }
        guard isSlug(slug) else {
            reader.report(field.issue(
                "\"\(slug)\" is not a slug: use 2 to 64 lowercase letters, digits and inner hyphens"))
            return nil
        }
        return slug
    }

    public static func isSlug(_ text: String) -> Bool {
        text.range(of: #"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])$"#, options: .regularExpression) != nil
    }
}
