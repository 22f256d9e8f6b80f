import Foundation

/// Reads the optional `participation` section.
enum ParticipationSpecReader {
    /// Nil when the section is absent.
    static func read(_ field: YAMLField, _ reader: inout SpecReader) -> ParticipationSpec? {
        guard field.isPresent else { return nil }
        guard reader.requireMapping(field) else { return .default }
        reader.rejectUnknownKeys(in: field, allowed: ["approval", "max-team-size", "data"])
        var spec = ParticipationSpec()
        if let approval = reader.choice(field.child("approval"), as: ParticipationSpec.Approval.self, required: false) {
            spec.approval = approval
        }
        if field.child("max-team-size").isPresent {
            spec.maxTeamSize = reader.integer(field.child("max-team-size"), minimum: 1)
        }
        var names = Set<String>()
        for element in reader.sequence(field.child("data"), required: false) ?? [] {
            guard let entry = readEntry(element, &reader) else { continue }
            guard names.insert(entry.name).inserted else {
                reader.report(element.child("name").issue("\"\(entry.name)\" names two data entries; each needs its own name"))
                continue
            }
            spec.data.append(entry)
        }
        return spec
    }

    private static func readEntry(_ field: YAMLField, _ reader: inout SpecReader) -> DataEntry? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["name", "url", "file", "sha256", "description"])
        let nameField = field.child("name")
        guard let name = reader.string(nameField) else { return nil }
        guard DataEntry.isValidName(name) else {
            reader.report(nameField.issue("\"\(name)\" is not a data name: use up to 128 letters, digits, '.', '_' and '-', not starting with '.'"))
            return nil
        }
        let description = reader.string(field.child("description"), required: false) ?? ""
        let (urlField, fileField) = (field.child("url"), field.child("file"))
        let source: DataEntry.Source
        switch (urlField.isPresent, fileField.isPresent) {
        case (true, false):
            guard let url = reader.string(urlField) else { return nil }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                reader.report(urlField.issue("\"\(url)\" is not an http or https address"))
                return nil
            }
            source = .link(url)
        case (false, true):
            guard let path = reader.string(fileField) else { return nil }
            guard DataEntry.isContainedPath(path) else {
                reader.report(fileField.issue("\"\(path)\" is not a path inside the challenge folder: use a relative path without '..'"))
                return nil
            }
            source = .file(path)
        default:
            reader.report(field.issue("a data entry needs exactly one of url or file"))
            return nil
        }
        var sha256: String?
        if field.child("sha256").isPresent, let digest = reader.string(field.child("sha256")) {
            guard digest.range(of: "^[0-9a-f]{64}$", options: .regularExpression) != nil else {
                reader.report(field.child("sha256").issue("\"\(digest)\" is not a SHA-256 digest: 64 lowercase hexadecimal digits"))
                return nil
            }
            guard case .link = source else {
                reader.report(field.child("sha256").issue("a served file's digest is computed when it is stored; give sha256 only for a url"))
                return nil
            }
            sha256 = digest
        }
        return DataEntry(name: name, source: source, sha256: sha256, description: description)
    }
}
