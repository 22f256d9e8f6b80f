import Foundation
import HTTPTypes

/// The OpenAPI 3 description served at `/api/v1/openapi.yaml`: the shared components, and a path item rendered
/// from each `Endpoint`, so the document cannot name a route the server lacks or miss one it has.
enum OpenAPIDocument {
    static let yaml: String = {
        var lines = [OpenAPIComponents.header, OpenAPIComponents.yaml, OpenAPIComponents.studySchemas, "paths:"]
        var documented = Set<String>()
        for endpoint in Endpoint.allCases where documented.insert(endpoint.path).inserted {
            lines.append("  \(endpoint.path):")
            for operation in Endpoint.allCases where operation.path == endpoint.path {
                lines += pathItem(operation)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    private static func pathItem(_ endpoint: Endpoint) -> [String] {
        var lines = [
            "    \(endpoint.method.rawValue.lowercased()):",
            "      operationId: \(endpoint.rawValue)",
            "      summary: \(quoted(endpoint.summary))",
            "      x-access: \(endpoint.access)",
        ]
        if endpoint.access != .everyone { lines += ["      security:", "        - bearer: []"] }
        let pathParameters = ["challenge", "phase", "team", "study", "ordinal", "id"].filter { endpoint.path.contains("{\($0)}") }
        if !pathParameters.isEmpty || !endpoint.queryParameters.isEmpty {
            lines.append("      parameters:")
            lines += pathParameters.map { "        - $ref: '#/components/parameters/\($0)'" }
            for query in endpoint.queryParameters {
                lines += ["        - name: \(query.name)", "          in: query", "          description: \(quoted(query.description))",
                          "          schema: \(query.schema)"]
            }
        }
        lines += requestBody(endpoint.requestBody)
        lines += ["      responses:", "        '\(endpoint.successStatus)':", "          description: \"Success.\""]
        lines += content(endpoint.responseBody, indent: "          ")
        if endpoint == .submit {
            lines += ["        '200':", "          description: \"Valid (dry run); nothing stored.\""]
            lines += content(.schema("Accepted"), indent: "          ")
        }
        lines += ["        default:", "          $ref: '#/components/responses/Error'"]
        return lines
    }

    private static func requestBody(_ body: Endpoint.RequestBody) -> [String] {
        switch body {
        case .none:
            return []
        case .upload:
            return ["      requestBody:", "        required: true", "        content:",
                    "          application/octet-stream:", "            schema:", "              type: string", "              format: binary",
                    "          multipart/form-data:", "            schema:", "              type: object", "              properties:",
                    "                file:", "                  type: string", "                  format: binary"]
        case .json(let schema, let required):
            return ["      requestBody:", "        required: \(required)", "        content:", "          application/json:",
                    "            schema:", "              $ref: '#/components/schemas/\(schema)'"]
        }
    }

    private static func content(_ body: Endpoint.ResponseBody, indent: String) -> [String] {
        let mediaType: String
        let schema: String
        switch body {
        case .empty: return []
        case .text(let type): (mediaType, schema) = (type, "type: string")
        case .binary(let type):
            return ["\(indent)content:", "\(indent)  \(type):", "\(indent)    schema:", "\(indent)      type: string",
                    "\(indent)      format: binary"]
        case .anyObject: (mediaType, schema) = ("application/json", "type: object")
        case .schema(let name): (mediaType, schema) = ("application/json", "$ref: '#/components/schemas/\(name)'")
        case .schemaOrCSV(let name):
            return content(.schema(name), indent: indent) + ["\(indent)  text/csv:", "\(indent)    schema:", "\(indent)      type: string"]
        }
        return ["\(indent)content:", "\(indent)  \(mediaType):", "\(indent)    schema:", "\(indent)      \(schema)"]
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
