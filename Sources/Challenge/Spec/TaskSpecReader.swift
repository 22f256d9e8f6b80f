/// Reads the `task` section.
enum TaskSpecReader {
    static func read(_ field: YAMLField, _ reader: inout SpecReader) -> TaskSpec? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["kind", "classes"])
        let kind = reader.choice(field.child("kind"), as: TaskKind.self)
        let classes = readClasses(field.child("classes"), &reader)
        guard let kind, let classes else { return nil }
        return TaskSpec(kind: kind, classes: classes)
    }

    private static func readClasses(_ field: YAMLField, _ reader: inout SpecReader) -> [ClassSpec]? {
        guard let elements = reader.sequence(field) else { return nil }
        guard elements.count >= 2 else {
            reader.report(field.issue("a classification task needs at least 2 classes, got \(elements.count)"))
            return nil
        }
        var classes: [ClassSpec] = []
        var seen: Set<String> = []
        var complete = true
        for element in elements {
            guard reader.requireMapping(element) else { complete = false; continue }
            reader.rejectUnknownKeys(in: element, allowed: ["id", "name"])
            let idField = element.child("id")
            guard let id = reader.string(idField), let name = reader.string(element.child("name")) else {
                complete = false
                continue
            }
            if id.isEmpty || id.contains(where: { $0 == "," || $0 == "\"" || $0.isWhitespace }) {
                reader.report(idField.issue("class id \"\(id)\" must be non-empty, without spaces, commas or quotes"))
                complete = false
            } else if !seen.insert(id).inserted {
                reader.report(idField.issue("class id \"\(id)\" appears twice"))
                complete = false
            }
            classes.append(ClassSpec(id: id, name: name))
        }
        return complete ? classes : nil
    }
}
