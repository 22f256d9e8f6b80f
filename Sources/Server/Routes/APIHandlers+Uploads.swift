import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Store

extension APIHandlers {
    /// The file of an upload: the raw body, or the `file` part of a form.
    struct ReceivedFile: Sendable {
        let name: String
        let bytes: [UInt8]
    }

    /// Spools the body (refusing it once past the phase's limit, or when it ends short of its `Content-Length`) and
    /// takes the file out of a form on the upload threads.
    func receiveFile(_ request: Request, phase: StoredPhase, named: String?) async throws -> ReceivedFile {
        let limit = phase.spec.limits.maxFileBytes
        let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:))
        // A form's own headers and boundaries come on top of the file.
        let bodyLimit = boundary == nil ? limit : limit + 16 * 1024
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > bodyLimit {
            throw APIError(IntakeError.fileTooLarge(file: named ?? "the upload", bytes: declared, limit: limit), now: clock())
        }
        let body: [UInt8]
        do {
            body = try await spool.receive(request.body, limit: bodyLimit)
        } catch UploadError.tooLarge {
            throw APIError(.contentTooLarge, code: "file-too-large",
                           message: "\(named ?? "the upload") is larger than this phase's limit of \(limit) bytes")
        }
        if let declared, body.count < declared { throw APIError.truncatedBody(received: body.count, declared: declared) }
        var file = ReceivedFile(name: named ?? "submission", bytes: body)
        if let boundary {
            file = try await uploadWork.run { try Self.formFile(body, boundary: boundary, named: named) }
        }
        guard !file.bytes.isEmpty else {
            throw APIError(.badRequest, code: "empty-upload", message: "the upload is empty: send the prediction file as the request body or in a form field named \"file\"")
        }
        return file
    }

    private static func formFile(_ body: [UInt8], boundary: String, named: String?) throws -> ReceivedFile {
        do {
            let part = try MultipartForm.filePart(of: body, boundary: boundary)
            return ReceivedFile(name: try named ?? part.fileName.map { try UploadFileName.checked($0) } ?? "submission", bytes: Array(part.bytes))
        } catch let malformed as MultipartForm.Malformed {
            throw APIError(.badRequest, code: "malformed-form", message: "the multipart form is malformed at byte \(malformed.byteOffset): \(malformed.reason)",
                           details: [.init(code: "malformed-form", message: malformed.reason, line: nil, column: nil, field: nil, caseID: nil, byteOffset: malformed.byteOffset)])
        }
    }
}
