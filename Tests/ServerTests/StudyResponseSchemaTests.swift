import Foundation
import HTTPTypes
import Server
import Testing
import Yams

/// Each reader-study route's successful answer fits the schema the OpenAPI document gives it (required keys, types,
/// nullability), so that a schema-driven client or fuzzer reads what the server really sends.
@Suite struct StudyResponseSchemaTests {
    @Test(arguments: StudyAccessTests.routes)
    func successfulAnswerFitsItsDocumentedSchema(endpoint: Endpoint) async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { $0 == "r1" ? "0" : "1" }, ben: { $0 == "r1" ? "2" : "1" })
        let dispute = try #require(try await server.openDisputes().first?["id"] as? Int)
        let token = switch endpoint.access {
        case .reader: server.ana
        case .adjudicator: server.ada
        default: server.base.organiser
        }
        let path = endpoint.path.replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{study}", with: "grading")
            .replacingOccurrences(of: "{ordinal}", with: "0").replacingOccurrences(of: "{id}", with: String(dispute))
        let reply = try await server.send(endpoint.method, path, token: token, json: StudyAccessTests.body(endpoint))
        #expect(reply.status == endpoint.successStatus)
        let name: String
        switch endpoint.responseBody {
        case .schema(let schema), .schemaOrCSV(let schema): name = schema
        case .binary(let mediaType):
            #expect(reply.headers[.contentType] == mediaType)
            #expect(reply.body.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(endpoint) answers no PNG")
            return
        default: Issue.record("\(endpoint) has no schema"); return
        }
        let document = try await server.send(.get, "/api/v1/openapi.yaml", token: nil)
        let schemas = try #require(((try Yams.load(yaml: document.text) as? [String: Any])?["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let problems = Self.problems(reply.json as Any, schema: ["$ref": "#/components/schemas/\(name)"], schemas: schemas, at: name)
        #expect(problems.isEmpty, "\(endpoint): \(problems.joined(separator: "; "))")
    }

    /// Where `value` departs from `schema`, by JSON path.
    static func problems(_ value: Any, schema: [String: Any], schemas: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let target = schemas[String(reference.split(separator: "/").last ?? "")] as? [String: Any] else { return ["\(path): no \(reference)"] }
            return problems(value, schema: target, schemas: schemas, at: path)
        }
        if value is NSNull { return schema["nullable"] as? Bool == true ? [] : ["\(path): null but not nullable"] }
        if let all = schema["allOf"] as? [[String: Any]] { return all.flatMap { problems(value, schema: $0, schemas: schemas, at: path) } }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let required = (schema["required"] as? [String] ?? []).filter { object[$0] == nil }.map { "\(path): no \($0)" }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            let additional = schema["additionalProperties"] as? [String: Any]
            return required + object.flatMap { key, inner -> [String] in
                guard let property = properties[key] ?? additional else { return [] }
                return problems(inner, schema: property, schemas: schemas, at: "\(path).\(key)")
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { problems($1, schema: items, schemas: schemas, at: "\(path)[\($0)]") }
        case "string": return value is String ? [] : ["\(path): not a string"]
        case "integer": return (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } == true ? [] : ["\(path): not an integer"]
        case "number": return value is NSNumber ? [] : ["\(path): not a number"]
        case "boolean": return value is Bool ? [] : ["\(path): not a boolean"]
        default: return []
        }
    }
}

extension StudyResponseSchemaTests {
    @Test func theCheckerFindsAMissingKeyAndAWrongType() {
        let schema: [String: Any] = ["type": "object", "required": ["a", "b"], "properties": ["a": ["type": "integer"]]]
        let problems = Self.problems(["a": "one"], schema: schema, schemas: [:], at: "x")
        #expect(problems.sorted() == ["x.a: not an integer", "x: no b"].sorted())
    }
}
