import HTTPTypes
import Foundation
import Server
import Store
import Testing
import Yams

/// The OpenAPI document served at /api/v1/openapi.yaml parses, describes exactly the routes the server answers (its
/// paths are rendered from `Endpoint`, so this guards the renderer) and resolves every reference. That each route
/// answers the status the document promises is checked by `AccessTests`, which calls them all.
@Suite struct OpenAPIDocumentTests {
    static func document() async throws -> [String: Any] {
        let server = try await TestServer()
        let reply = try await server.send(.get, "/api/v1/openapi.yaml")
        #expect(reply.status == 200)
        return try #require(try Yams.load(yaml: reply.text) as? [String: Any])
    }

    @Test func describesEveryRouteAndNoOther() async throws {
        let paths = try #require(try await Self.document()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let served = Set(Endpoint.allCases.map { "\($0.method) \($0.path)" })
        #expect(documented == served, "only documented: \(documented.subtracting(served)); only served: \(served.subtracting(documented))")
    }

    @Test func statesEachRoutesAudienceAsTheServerEnforcesIt() async throws {
        let paths = try #require(try await Self.document()["paths"] as? [String: [String: [String: Any]]])
        for endpoint in Endpoint.allCases {
            let operation = paths[endpoint.path]?[endpoint.method.rawValue.lowercased()]
            #expect(operation?["x-access"] as? String == "\(endpoint.access)", "\(endpoint.method) \(endpoint.path)")
            #expect(operation?["operationId"] as? String == endpoint.rawValue)
        }
    }

    /// Schemathesis holds the server to the schema both ways: a name the pattern allows must be kept, one it refuses
    /// must be refused. The pattern and `TeamName` agree at both ends of every refused range and on its neighbours.
    @Test func theTeamNamePatternRefusesExactlyWhatTheStoresRefuse() async throws {
        let schemas = try #require((try await Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let name = try #require(((schemas["NewTeam"] as? [String: Any])?["properties"] as? [String: Any])?["name"] as? [String: Any])
        let pattern = try NSRegularExpression(pattern: try #require(name["pattern"] as? String))
        var samples = ["Curie", "   ", "\u{85}", "\tCurie", "Curie\n", "Caf\u{E9}", "Cafe\u{301}", "\u{1F469}\u{200D}\u{1F52C} lab", "Fa\u{200C}rsi"]
        for range in TeamName.refused {
            for value in [range.lowerBound, range.upperBound, range.upperBound + 1] + (range.lowerBound > 0 ? [range.lowerBound - 1] : []) {
                if let scalar = Unicode.Scalar(value) { samples.append("a\(Character(scalar))b") }
            }
        }
        for sample in samples {
            let whole = NSRange(sample.startIndex..., in: sample)
            let allowed = pattern.firstMatch(in: sample, range: whole).map { $0.range == whole } ?? false
            let kept = (try? TeamName.normalized(sample, challenge: "tiny")) != nil
            #expect(allowed == kept, "\(sample.unicodeScalars.map { String($0.value, radix: 16) }): pattern \(allowed), stores \(kept)")
        }
    }

    @Test func everyReferencedSchemaExists() async throws {
        let document = try await Self.document()
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let text = OpenAPIDocumentTests.references(in: document)
        for reference in text where reference.hasPrefix("#/components/schemas/") {
            #expect(schemas[String(reference.dropFirst("#/components/schemas/".count))] != nil, "\(reference)")
        }
    }

    /// The limits the server enforces are in the schema, so that a schema-driven client's valid requests are accepted
    /// and its invalid ones are the ones refused.
    @Test func teamNameLimitsAreInTheSchemaAsTheServerEnforcesThem() async throws {
        let document = try await Self.document()
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let name = try #require(((schemas["NewTeam"] as? [String: Any])?["properties"] as? [String: Any])?["name"] as? [String: Any])
        let (minimum, maximum) = (try #require(name["minLength"] as? Int), try #require(name["maxLength"] as? Int))
        #expect((minimum, maximum) == (1, 100))
        let server = try await TestServer()
        func add(_ name: String) async throws -> Int {
            let body = try JSONSerialization.data(withJSONObject: ["name": name])
            return try await server.send(.post, "/api/v1/challenges/tiny/teams", token: server.organiser, body: Array(body)).status
        }
        #expect(try await add(String(repeating: "x", count: maximum)) == 201)
        #expect(try await add("y") == 201)
        // A schema-valid oddity is accepted too (a name with white space around it); a control character the pattern
        // refuses is refused (the pattern itself: `theTeamNamePatternRefusesExactlyWhatTheStoresRefuse`).
        #expect(try await add(" spaced ") == 201)
        #expect(try await add("\u{0}") == 400)
        #expect(try await add(String(repeating: "z", count: maximum + 1)) == 400)
        #expect(try await add("") == 400)
    }

    @Test func uploadFileNameLimitsAreInTheSchema() async throws {
        let paths = try #require(try await Self.document()["paths"] as? [String: [String: [String: Any]]])
        let parameters = try #require(paths[Endpoint.submit.path]?["post"]?["parameters"] as? [[String: Any]])
        let fileName = try #require(parameters.first { $0["name"] as? String == "file_name" }?["schema"] as? [String: Any])
        #expect(fileName["minLength"] as? Int == 1)
        // Four bytes a character at most: every name the schema allows fits the server's 255 bytes.
        #expect((fileName["maxLength"] as? Int).map { $0 * 4 <= 255 } == true)
        #expect(fileName["pattern"] is String)
    }

    static func references(in value: Any) -> [String] {
        if let map = value as? [String: Any] {
            return map.flatMap { key, inner in key == "$ref" ? [inner as? String ?? ""] : references(in: inner) }
        }
        if let list = value as? [Any] { return list.flatMap(references) }
        return []
    }
}
