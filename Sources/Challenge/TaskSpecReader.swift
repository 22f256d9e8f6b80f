/// Reads the `task` section.
enum TaskSpecReader {
    static func read(_ field: YAMLField, _ reader: inout SpecReader) -> TaskSpec? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["kind", "classes", "froc", "detection", "segmentation"])
        guard let kind = reader.choice(field.child("kind"), as: TaskKind.self) else { return nil }
        let sections: [(String, Bool)] = [
            ("classes", kind == .slideClassification), ("froc", kind == .slideLesionDetection),
            ("detection", kind == .volumeLesionDetection), ("segmentation", kind == .volumeSegmentation || kind == .slideSegmentation),
        ]
        for (key, belongs) in sections where !belongs && field.child(key).isPresent {
            reader.report(field.child(key).issue("`\(key)` does not apply to \(kind.rawValue) tasks"))
        }
        switch kind {
        case .slideClassification:
            guard let classes = readClasses(field.child("classes"), &reader) else { return nil }
            return TaskSpec(kind: kind, classes: classes)
        case .slideLesionDetection:
            return LesionSettingsReader.froc(field.child("froc"), &reader).map { TaskSpec(kind: kind, froc: $0) }
        case .volumeLesionDetection:
            return LesionSettingsReader.detection(field.child("detection"), &reader).map { TaskSpec(kind: kind, detection: $0) }
        case .volumeSegmentation, .slideSegmentation:
            return LesionSettingsReader.segmentation(field.child("segmentation"), &reader).map { TaskSpec(kind: kind, segmentation: $0) }
        }
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
