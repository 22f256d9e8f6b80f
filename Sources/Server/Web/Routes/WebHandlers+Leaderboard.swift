import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store

extension WebHandlers {
    /// A file of the challenge's static leaderboard (`index.html` for the folder itself). Paths are checked to stay
    /// inside the site: no `..`, no hidden files, only the kinds of file the site writes.
    func leaderboardFile(_ request: PageRequest) async throws -> Response {
        let slug = try request.parameter("challenge")
        let path = request.context.parameters.getCatchAll().joined(separator: "/")
        let relative = path.isEmpty ? "index.html" : path
        let parts = relative.split(separator: "/")
        guard !parts.isEmpty, parts.allSatisfy({ !$0.hasPrefix(".") && !$0.isEmpty }), let type = Self.contentType(relative) else {
            throw APIError.notFound("the leaderboard has no file \(relative)")
        }
        let (store, now) = (self.store, now())
        _ = try await api.blocking { try store.challenge(slug) }
        let folder = try await portal.folder(challenge: slug, now: now)
        let file = folder.appendingPathComponent(relative)
        guard let bytes = FileManager.default.contents(atPath: file.path) else { throw APIError.notFound("the leaderboard has no file \(relative)") }
        var headers = PageHeaders.common
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func contentType(_ path: String) -> String? {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        default: nil
        }
    }
}
