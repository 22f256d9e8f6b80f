import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import NIOCore
import Store

extension WebHandlers {
    /// The challenge's data: the organisers' links and the files the platform serves, each with its SHA-256. Only
    /// for an admitted account (and organisers, who see what participants see).
    func data(_ request: PageRequest) async throws -> Response {
        let (challenge, files) = try await admittedChallenge(request)
        let entries: [[String: Any]] = challenge.spec.participation.data.map { entry in
            switch entry.source {
            case .link(let url):
                return ["name": entry.name, "description": entry.description, "href": url, "external": true, "sha256": entry.sha256 ?? "",
                        "hasDigest": entry.sha256 != nil, "size": ""]
            case .file:
                let file = files.first { $0.name == entry.name }
                return ["name": entry.name, "description": entry.description, "href": "/challenges/\(challenge.spec.slug)/data/\(entry.name)",
                        "external": false, "sha256": file?.sha256 ?? "", "hasDigest": file != nil,
                        "size": file.map { ByteCountFormatter.string(fromByteCount: $0.byteCount, countStyle: .binary) } ?? "not stored yet"]
            }
        }
        return try page("data", title: "Data", visitor: request.visitor, challenge: challenge, current: .data,
                        values: ["entries": entries, "hasEntries": !entries.isEmpty])
    }

    /// One served file, whole or by range, with its digest in `ETag` and `Repr-Digest` so a download can be resumed
    /// and checked.
    func dataFile(_ request: PageRequest) async throws -> Response {
        let name = try request.parameter("name")
        let (challenge, files) = try await admittedChallenge(request)
        guard let file = files.first(where: { $0.name == name }), challenge.spec.participation.dataEntry(named: name) != nil else {
            throw APIError.notFound("challenge \"\(challenge.spec.slug)\" serves no data file \"\(name)\"")
        }
        let url = try store.blobs.storedFile(file.sha256)
        let etag = "\"\(file.sha256)\""
        var headers = PageHeaders.common
        headers[.contentType] = "application/octet-stream"
        headers[.acceptRanges] = "bytes"
        headers[.eTag] = etag
        headers[.cacheControl] = "private, max-age=3600"
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        if let digest = ContentDigest.bytes(ofDigest: file.sha256) { headers[Self.reprDigest] = "sha-256=:\(Data(digest).base64EncodedString()):" }
        if request.request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        var range = ByteRange(header: request.request.headers[.range], length: file.byteCount)
        if let ifRange = request.request.headers[.ifRange], ifRange != etag { range = .whole }
        let (first, last): (Int64, Int64)
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(file.byteCount)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        case .whole: (first, last) = (0, file.byteCount - 1)
        case .part(let from, let to):
            (first, last) = (from, to)
            headers[.contentRange] = "bytes \(from)-\(to)/\(file.byteCount)"
        }
        let length = max(0, last - first + 1)
        headers[.contentLength] = String(length)
        let body = ResponseBody(contentLength: Int(length)) { writer in
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(first))
            var remaining = length
            while remaining > 0 {
                let chunk = Int(min(remaining, 1 << 20))
                let bytes = try await APIHandlers.blocking { try handle.read(upToCount: chunk) ?? Data() }
                guard !bytes.isEmpty else { break }
                try await writer.write(ByteBuffer(bytes: bytes))
                remaining -= Int64(bytes.count)
            }
            try await writer.finish(nil)
        }
        return Response(status: range == .whole ? .ok : .partialContent, headers: headers, body: body)
    }

    static let reprDigest = HTTPField.Name("Repr-Digest")!

    /// The challenge and its served files, for an account admitted to it; any other is told the step it lacks.
    private func admittedChallenge(_ request: PageRequest) async throws -> (StoredChallenge, [DataFile]) {
        let (slug, account) = (try request.parameter("challenge"), try requireAccount(request))
        return try await api.blocking { [store] in
            let challenge = try ParticipantGate(store: store).admittedChallenge(slug, for: account).challenge
            return (challenge, try store.dataFiles(challenge: challenge))
        }
    }
}
