extension GeoJSONWriter {
    /// A value of a shape's own `properties` member beside QuPath's (`objectType`, `classification`): what an export
    /// says about a shape for people and scripts, such as the item it outlines and the votes behind its class.
    /// `GeoJSONParser` does not read these back.
    public enum Property: Sendable, Equatable {
        case string(String)
        /// Written in its shortest round-trip form; must be finite.
        case number(Double)
        case bool(Bool)
        /// Written with its keys sorted, so the same values give the same bytes.
        case object([String: Property])
        case array([Property])

        /// The keys the writer sets itself, which a shape's own properties may not use.
        static let reserved: Set<String> = ["objectType", "classification"]

        /// The JSON text, or the path (under `key`) of the first number that is not finite.
        func text(key: String) -> Result<String, PropertyProblem> {
            switch self {
            case .string(let value): return .success(GeoJSONWriter.string(value))
            case .bool(let value): return .success(value ? "true" : "false")
            case .number(let value):
                return value.isFinite ? .success(AnnotationWriter.number(value)) : .failure(PropertyProblem(path: key, value: value))
            case .array(let values):
                var parts: [String] = []
                for (index, value) in values.enumerated() {
                    switch value.text(key: "\(key)[\(index)]") {
                    case .success(let text): parts.append(text)
                    case .failure(let problem): return .failure(problem)
                    }
                }
                return .success("[" + parts.joined(separator: ",") + "]")
            case .object(let members):
                var parts: [String] = []
                for name in members.keys.sorted() {
                    switch members[name]!.text(key: "\(key).\(name)") {
                    case .success(let text): parts.append(GeoJSONWriter.string(name) + ":" + text)
                    case .failure(let problem): return .failure(problem)
                    }
                }
                return .success("{" + parts.joined(separator: ",") + "}")
            }
        }
    }

    /// A number JSON cannot hold, at `path` inside a shape's properties.
    struct PropertyProblem: Error {
        let path: String
        let value: Double
    }

    /// A shape's own properties as `"key":value` members, keys sorted. Refused, located by `location`: a key the
    /// writer sets itself, a number that is not finite.
    static func members(_ properties: [String: Property], file: String, location: String) throws(AnnotationError) -> [String] {
        var members: [String] = []
        for key in properties.keys.sorted() {
            guard !Property.reserved.contains(key) else {
                throw AnnotationError(file: file, location: location, "property \"\(key)\" is the writer's own; name it otherwise")
            }
            switch properties[key]!.text(key: key) {
            case .success(let text): members.append(string(key) + ":" + text)
            case .failure(let problem):
                throw AnnotationError(file: file, location: location,
                                      "property \(problem.path) is \(problem.value), which JSON cannot hold")
            }
        }
        return members
    }
}
