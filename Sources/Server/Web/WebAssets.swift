import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store

/// The portal's style sheet and script (`Web/Assets`, bundled), served with an `ETag` so a browser asks again
/// cheaply and gets 304 while they are unchanged.
struct WebAssets: Sendable {
    enum Asset { case style, script, viewer }

    struct File: Sendable {
        let bytes: [UInt8]
        let etag: String
        let type: String
    }

    let style: File
    let script: File
    /// The annotation viewer, loaded by the reader's and adjudicator's item pages only.
    let viewer: File

    init(folder: URL = Bundle.module.resourceURL!.appendingPathComponent("Assets")) throws {
        func load(_ name: String, type: String) throws -> File {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let digest = ContentDigest.sha256(bytes).prefix(24)
            return File(bytes: bytes, etag: "\"\(digest)\"", type: type)
        }
        style = try load("web.css", type: "text/css; charset=utf-8")
        script = try load("web.js", type: "text/javascript; charset=utf-8")
        viewer = try load("viewer.js", type: "text/javascript; charset=utf-8")
    }

    func response(_ asset: Asset, request: Request) -> Response {
        let file = switch asset {
        case .style: style
        case .script: script
        case .viewer: viewer
        }
        var headers = PageHeaders.common
        headers[.eTag] = file.etag
        headers[.cacheControl] = "no-cache"
        if request.headers[.ifNoneMatch] == file.etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = file.type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
