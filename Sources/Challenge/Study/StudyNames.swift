/// Names a study writes into reads and truth files (item ids, readers, classes): non-empty, without whitespace, commas
/// or quotes, so they stay one CSV field as they are.
enum StudyNames {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && !name.contains { $0 == "," || $0 == "\"" || $0.isWhitespace || $0.isNewline }
    }

    /// One name; `noun` says what it is in messages (`item id`, `reader`).
    static func name(_ field: YAMLField, noun: String, _ reader: inout SpecReader) -> String? {
        guard let text = reader.string(field) else { return nil }
        guard isValid(text) else {
            reader.report(field.issue("\(noun) \"\(text)\" must be non-empty, without spaces, commas or quotes"))
            return nil
        }
        return text
    }

    /// A list of distinct names: non-empty when `required`, else absent or empty (`[]`) for none.
    static func list(_ field: YAMLField, noun: String, required: Bool = true, _ reader: inout SpecReader) -> [String]? {
        guard let elements = reader.sequence(field, required: required) else { return nil }
        if elements.isEmpty, !required { return [] }
        guard !elements.isEmpty else {
            reader.report(field.issue("the list is empty; name at least one \(noun)"))
            return nil
        }
        var names: [String] = []
        var firstIndex: [String: Int] = [:]
        var complete = true
        for (index, element) in elements.enumerated() {
            guard let name = name(element, noun: noun, &reader) else { complete = false; continue }
            if let first = firstIndex[name] {
                reader.report(element.issue("\(noun) \"\(name)\" appears twice (first at \(field.path)[\(first)])"))
                complete = false
                continue
            }
            firstIndex[name] = index
            names.append(name)
        }
        return complete ? names : nil
    }
}
