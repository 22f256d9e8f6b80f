import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store
import Studies
import Tiling

/// The annotation viewer's own routes: Deep Zoom tiles of the caller's assignment (or of an adjudicator's open
/// dispute), and the viewer's saves, which come as JSON with the session's CSRF token in a header. Tiles carry a
/// strong `ETag` and may be kept by the browser, privately.
extension WebHandlers {
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func annotateTile(_ request: PageRequest) async throws -> Response {
        let (challenge, slug, caller) = (try request.parameter("challenge"), try request.parameter("study"), request.visitor.caller)
        let ordinal = try ordinal(request)
        let address = try tileAddress(request)
        return try await tile(address, grant: "\(try Self.annotatorID(caller))|\(challenge)|\(slug)|\(ordinal)", missing: "assignment \(ordinal)", request: request) { [api] in
            let (study, member) = try api.membership(challenge: challenge, slug: slug, caller: caller, role: .reader)
            let assignment = try api.ownAssignment(ordinal, of: member, in: study).assignment
            return try api.viewerItem(assignment.itemID, transform: assignment.transform.flatMap(RepeatTransform.init(rawValue:)), in: study)
        }
    }

    func disputeTile(_ request: PageRequest) async throws -> Response {
        let (challenge, slug, caller) = (try request.parameter("challenge"), try request.parameter("study"), request.visitor.caller)
        let id = try disputeID(request)
        let address = try tileAddress(request)
        return try await tile(address, grant: "\(try Self.annotatorID(caller))|\(challenge)|\(slug)|dispute \(id)", missing: "dispute \(id)", request: request) { [api] in
            let (study, _) = try api.membership(challenge: challenge, slug: slug, caller: caller, role: .adjudicator)
            return try api.viewerItem(try api.openDispute(id, in: study).itemID, transform: nil, in: study)
        }
    }

    /// The annotator token a grant is made to (the pages' audience lets no one else this far).
    private static func annotatorID(_ caller: Caller) throws -> Int64 {
        guard case .annotator(let tokenID) = caller else { throw APIError.forbidden("tiles are for a study's readers and adjudicators") }
        return tokenID
    }

    /// A tile of the item `resolve` finds the caller may see. A grant recently made to the same caller for the same
    /// path, and a tile already made, are answered without leaving the event loop; the rest runs on the blocking pool.
    private func tile(_ address: (level: Int, column: Int, row: Int), grant key: String, missing: String, request: PageRequest,
                      resolve: @escaping @Sendable () throws -> APIHandlers.ViewerItem) async throws -> Response {
        let now = now()
        let item: APIHandlers.ViewerItem
        if let granted = api.viewer.grants.item(key, now: now) {
            item = granted
        } else {
            item = try await api.blocking(resolve)
            api.viewer.grants.grant(item, to: key, now: now)
        }
        if let tiles = item.tiles, tiles.contains(level: address.level, column: address.column, row: address.row),
           let cached = api.viewer.cachedTile(tiles, level: address.level, column: address.column, row: address.row) {
            return Self.tileResponse(cached, request: request.request)
        }
        let entry = try await api.blocking { [api] in
            try api.viewerTile(item, level: address.level, column: address.column, row: address.row, missing: missing)
        }
        return Self.tileResponse(entry, request: request.request)
    }

    /// Saves the viewer's read (the reader API's body, shapes in the shown frame) as a new version, answering JSON:
    /// the saved version, or the API's error.
    func saveShapes(_ request: PageRequest) async throws -> Response {
        do {
            try requireCSRF(request.request.headers[Self.csrfHeader], visitor: request.visitor)
            let (challenge, slug) = (try request.parameter("challenge"), try request.parameter("study"))
            let ordinal = try ordinal(request)
            let body = try await api.decode(NewReadBody.self, from: request.request, context: request.context,
                                            upTo: APIHandlers.readBodyLimit, decoder: JSONDecoder())
            let saved = try await api.saveOwnRead(body, challenge: challenge, slug: slug, ordinal: ordinal, caller: request.visitor.caller)
            var response = try APIHandlers.json(saved, status: .created)
            response.headers.append(contentsOf: PageHeaders.common)
            return response
        } catch let error as APIError {
            return try Self.json(error, request: request)
        } catch let error as StoreError {
            guard let refusal = APIError(error) else { throw error }
            return try Self.json(refusal, request: request)
        }
    }

    /// The API's error body, with the page headers (the viewer's script reads it).
    private static func json(_ error: APIError, request: PageRequest) throws -> Response {
        var response = try error.response(from: request.request, context: request.context)
        response.headers.append(contentsOf: PageHeaders.common)
        return response
    }

    /// `{level}` and `{tile}` (`column_row.jpeg`) of a tile's path.
    private func tileAddress(_ request: PageRequest) throws -> (level: Int, column: Int, row: Int) {
        let (level, tile) = (try request.parameter("level"), try request.parameter("tile"))
        let parts = tile.hasSuffix(".jpeg") ? tile.dropLast(5).split(separator: "_", omittingEmptySubsequences: false) : []
        guard let level = Int(level), parts.count == 2, let column = Int(parts[0]), let row = Int(parts[1]), level >= 0, column >= 0, row >= 0 else {
            throw APIError.notFound("no such tile: \(level)/\(tile) (tiles are named level/column_row.jpeg)")
        }
        return (level, column, row)
    }

    private static func tileResponse(_ entry: TileByteCache.Entry, request: Request) -> Response {
        var headers = PageHeaders.common
        let tag = "\"\(entry.tag)\""
        headers[.eTag] = tag
        // Private: a tile is the caller's, behind its session; an hour, since an item's pixels do not change.
        headers[.cacheControl] = "private, max-age=3600"
        if request.headers[values: .ifNoneMatch].contains(where: { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == tag } }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "image/jpeg"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: entry.bytes)))
    }
}
