import Yams

/// Every document of a YAML text, or the parse error. `Yams.load_all` reports an error in a later document only
/// through its sequence's `error` after iteration stops, which a `for` loop never looks at.
enum YAMLDocuments {
    static func parse(_ text: String) throws -> [Any] {
        var sequence = try Yams.load_all(yaml: text)
        var documents: [Any] = []
        while let document = sequence.next() { documents.append(document) }
        if let error = sequence.error { throw error }
        return documents
    }
}
