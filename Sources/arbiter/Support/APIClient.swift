import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The CLI's side of the HTTP API: bearer-authenticated requests, and the API's error body turned back into
/// the same message the offline command prints.
struct APIClient {
    let server: URL
    let token: String

    /// A refusal from the server, printed as `Error: <message>` like an offline refusal.
    struct Refusal: Error, CustomStringConvertible {
        let status: Int
        let code: String
        let message: String
        var description: String { message }
    }

    private struct ErrorBody: Decodable {
        struct Content: Decodable {
            let code: String
            let message: String
        }
        let error: Content
    }

    func upload(_ bytes: [UInt8], to path: String, query: [URLQueryItem]) async throws -> [String: Any] {
        var components = URLComponents(url: server.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        components.queryItems = query.isEmpty ? nil : query
        var request = URLRequest(url: components.url!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.upload(for: request, from: Data(bytes))
        return try decode(data, response)
    }

    /// GET `path`: its body, after a 2xx answer.
    func get(_ path: String) async throws -> Data {
        let (data, response) = try await URLSession.shared.data(for: request(path, method: "GET"))
        try check(data, response)
        return data
    }

    /// POST `body` as JSON to `path`: the JSON object answered.
    func post(json body: [String: Any], to path: String) async throws -> [String: Any] {
        var request = request(path, method: "POST")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.upload(for: request, from: try JSONSerialization.data(withJSONObject: body))
        return try decode(data, response)
    }

    /// A request for `path` (which may carry a query) on the server, with the bearer token.
    private func request(_ path: String, method: String) -> URLRequest {
        var request = URLRequest(url: URL(string: path, relativeTo: server)!.absoluteURL)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        return request
    }

    private func decode(_ data: Data, _ response: URLResponse) throws -> [String: Any] {
        try check(data, response)
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// Throws the API's refusal for an answer outside 2xx.
    private func check(_ data: Data, _ response: URLResponse) throws {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            if let body = try? JSONDecoder().decode(ErrorBody.self, from: data) {
                throw Refusal(status: status, code: body.error.code, message: body.error.message)
            }
            throw Refusal(status: status, code: "http-\(status)", message: "the server answered \(status): \(String(decoding: data.prefix(500), as: UTF8.self))")
        }
    }
}
