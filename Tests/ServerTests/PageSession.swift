import Foundation
import HTTPTypes
import Store
import Testing

/// A browser's side of a portal session in tests: the cookie and the form token a page would carry.
struct PageSession {
    let cookie: String
    let csrf: String

    var headers: HTTPFields { [.cookie: "arbiter_session=\(cookie)"] }
}

extension TestServer {
    /// Opens a session for `token` as signing in would (through the store, without the form).
    func session(_ token: String) throws -> PageSession {
        let session = try #require(try store.openSession(token: token, now: TestServer.now, lifetime: 3600))
        return PageSession(cookie: session.id, csrf: session.csrfToken)
    }

    /// Opens a page, as a browser with `session` (or none) would.
    func page(_ path: String, session: PageSession? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = session?.headers ?? [:]
        headers.append(contentsOf: extra)
        return try await send(.get, path, headers: headers)
    }

    /// Posts a small form, with the session's CSRF token unless `csrf` says otherwise.
    func post(_ path: String, session: PageSession?, fields: [String: String] = [:], csrf: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> Reply {
        var all = fields
        if let token = csrf ?? session?.csrf { all["csrf"] = token }
        let body = all.sorted { $0.key < $1.key }.map { "\(Self.formEscaped($0.key))=\(Self.formEscaped($0.value))" }.joined(separator: "&")
        var headers = session?.headers ?? [:]
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers.append(contentsOf: extra)
        return try await send(.post, path, body: Array(body.utf8), headers: headers)
    }

    /// Posts a read as the annotation viewer does: JSON, with the session's form token (or `csrf`) in `X-CSRF-Token`.
    func viewerSave(_ path: String, session: PageSession?, json: String, csrf: String? = nil) async throws -> Reply {
        var headers = session?.headers ?? [:]
        headers[.contentType] = "application/json"
        headers[HTTPField.Name("X-CSRF-Token")!] = csrf ?? session?.csrf ?? ""
        return try await send(.post, path, body: Array(json.utf8), headers: headers)
    }

    /// Posts the phase page's upload form: the CSRF token, then the file.
    func upload(_ bytes: [UInt8], session: PageSession?, check: Bool = false, csrf: String? = nil, fileName: String = "predictions.csv") async throws -> Reply {
        let boundary = "----arbiter-test-boundary"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf ?? session?.csrf ?? "")\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        var headers = session?.headers ?? [:]
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await send(.post, "/challenges/tiny/phases/final/upload" + (check ? "?check=1" : ""), body: body, headers: headers)
    }

    static func formEscaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
