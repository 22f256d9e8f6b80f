import Foundation
import Yams

/// A node of the spec together with its key path, so every complaint says where it is.
struct YAMLField {
    let node: Node?
    let path: String
    /// Where the parent mapping was, for complaints about a key that is missing.
    let fallbackMark: Mark?

    var mark: Mark? { node?.mark ?? fallbackMark }

    func issue(_ message: String) -> SpecIssue {
        SpecIssue(path: path, line: mark?.line, column: mark?.column, message: message)
    }

    func child(_ key: String) -> YAMLField {
        let childPath = path.isEmpty ? key : "\(path).\(key)"
        guard case .mapping(let mapping)? = node else {
            return YAMLField(node: nil, path: childPath, fallbackMark: mark)
        }
        return YAMLField(node: mapping[key], path: childPath, fallbackMark: mark)
    }

    var isPresent: Bool {
        guard let node else { return false }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return scalar.style != .plain
        }
        return true
    }

    /// Keys present in a mapping node, with their marks, in file order.
    var keys: [(key: String, mark: Mark?)] {
        guard case .mapping(let mapping)? = node else { return [] }
        return mapping.keys.map { ($0.string ?? "", $0.mark) }
    }

    var elements: [YAMLField]? {
        guard case .sequence(let sequence)? = node else { return nil }
        return sequence.enumerated().map { index, element in
            YAMLField(node: element, path: "\(path)[\(index)]", fallbackMark: element.mark ?? mark)
        }
    }

    var scalarText: String? {
        guard case .scalar(let scalar)? = node else { return nil }
        return scalar.string
    }
}

/// Collects issues while reading typed values out of YAML fields.
struct SpecReader {
    private(set) var issues: [SpecIssue] = []

    mutating func report(_ issue: SpecIssue) { issues.append(issue) }

    /// Reports keys the schema does not know: a misspelt key is worse than a missing one.
    mutating func rejectUnknownKeys(in field: YAMLField, allowed: Set<String>) {
        guard case .mapping? = field.node else { return }
        for (key, mark) in field.keys where !allowed.contains(key) {
            let path = field.path.isEmpty ? key : "\(field.path).\(key)"
            let known = allowed.sorted().joined(separator: ", ")
            report(SpecIssue(path: path, line: mark?.line, column: mark?.column,
                             message: "unknown key \"\(key)\"; expected one of: \(known)"))
        }
    }

    mutating func requireMapping(_ field: YAMLField) -> Bool {
        guard field.isPresent else {
            report(field.issue("missing; expected a mapping"))
            return false
        }
        guard case .mapping? = field.node else {
            report(field.issue("expected a mapping"))
            return false
        }
        return true
    }

    mutating func string(_ field: YAMLField, required: Bool = true) -> String? {
        guard field.isPresent else {
            if required { report(field.issue("missing; expected text")) }
            return nil
        }
        guard let text = field.scalarText else {
            report(field.issue("expected text, got a \(describe(field.node))"))
            return nil
        }
        return text
    }

    mutating func integer(_ field: YAMLField, required: Bool = true, minimum: Int = Int.min) -> Int? {
        guard let text = string(field, required: required) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            report(field.issue("expected an integer, got \"\(text)\""))
            return nil
        }
        guard value >= minimum else {
            report(field.issue("expected an integer of at least \(minimum), got \(value)"))
            return nil
        }
        return value
    }

    mutating func number(_ field: YAMLField) -> Double? {
        guard let text = string(field) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            report(field.issue("expected a finite number, got \"\(text)\""))
            return nil
        }
        return value
    }

    mutating func sequence(_ field: YAMLField, required: Bool = true) -> [YAMLField]? {
        guard field.isPresent else {
            if required { report(field.issue("missing; expected a list")) }
            return nil
        }
        guard let elements = field.elements else {
            report(field.issue("expected a list, got a \(describe(field.node))"))
            return nil
        }
        return elements
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ field: YAMLField, as type: Value.Type, required: Bool = true
    ) -> Value? where Value.RawValue == String {
        guard let text = string(field, required: required) else { return nil }
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            report(field.issue("unknown value \"\(text)\"; expected one of \(known)"))
            return nil
        }
        return value
    }

    /// A non-empty list of distinct choices, such as a study's shape kinds: each element a `Value`, none twice.
    /// `emptyAdvice` ends the issue of an empty list; `noun` names an element in the issue of a repeated one.
    mutating func distinctChoices<Value: RawRepresentable & CaseIterable & Equatable>(
        _ field: YAMLField, as type: Value.Type, noun: String, emptyAdvice: String
    ) -> [Value]? where Value.RawValue == String {
        guard let elements = sequence(field) else { return nil }
        guard !elements.isEmpty else {
            report(field.issue("the list is empty; \(emptyAdvice)"))
            return nil
        }
        var values: [Value] = []
        var complete = true
        for element in elements {
            guard let value = choice(element, as: Value.self) else { complete = false; continue }
            if values.contains(value) {
                report(element.issue("\(noun) \"\(value.rawValue)\" is listed twice"))
                complete = false
            }
            values.append(value)
        }
        return complete ? values : nil
    }

    /// An instant written in ISO 8601 with an explicit UTC offset (`Z` or `+00:00`).
    mutating func instant(_ field: YAMLField) -> Date? {
        guard let text = string(field) else { return nil }
        guard let date = UTCInstant.parse(text) else {
            report(field.issue("expected a UTC instant such as 2026-03-01T00:00:00Z, got \"\(text)\""))
            return nil
        }
        return date
    }

    mutating func duration(_ field: YAMLField, required: Bool = true) -> Int? {
        guard let text = string(field, required: required) else { return nil }
        guard let duration = SubmissionLimits.parseSeconds(text) else {
            report(field.issue("expected a duration such as 30m, 12h, 1d or 7d, at most 520w, got \"\(text)\""))
            return nil
        }
        return duration
    }

    private func describe(_ node: Node?) -> String {
        switch node {
        case .mapping?: "mapping"
        case .sequence?: "list"
        case .scalar?: "scalar"
        case .alias?: "alias"
        case nil: "nothing"
        }
    }
}
