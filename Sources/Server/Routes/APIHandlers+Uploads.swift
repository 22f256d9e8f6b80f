import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Store

extension APIHandlers {
    /// The file of an upload (the raw body, or the `file` part of a form), spooled in the blob store's `incoming`
    /// folder. The caller discards it when done; the intake will have renamed it away if it accepted it.
    struct ReceivedFile: Sendable {
        let name: String
        let upload: UploadedFile
        /// The form's text fields before its file; empty for a raw body.
        let fields: [String: String]
    }

    /// Spools the body (refusing it once past the phase's limit, or when it ends short of its `Content-Length`), then
    /// takes the file out of a form and digests it on the upload threads.
    func receiveFile(_ request: Request, phase: StoredPhase, named: String?) async throws -> ReceivedFile {
        let limit = phase.spec.uploadByteLimit
        let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:))
        // A form's own headers and boundaries come on top of the file.
        let bodyLimit = boundary == nil ? limit : limit + 16 * 1024
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > bodyLimit {
            throw APIError(IntakeError.fileTooLarge(file: named ?? "the upload", bytes: declared, limit: limit), now: clock())
        }
        let raw: UploadSpool.RawBody
        do {
            raw = try await spool.receive(request.body, limit: bodyLimit)
        } catch UploadError.tooLarge {
            throw APIError(.contentTooLarge, code: "file-too-large",
                           message: "\(named ?? "the upload") is larger than this phase's limit of \(limit) bytes")
        }
        if let declared, raw.byteCount < declared {
            raw.discard()
            throw APIError.truncatedBody(received: raw.byteCount, declared: declared)
        }
        let received: UploadSpool.Received
        do {
            let spool = self.spool
            received = try await uploadWork.run { try spool.finish(raw, boundary: boundary) }
        } catch let malformed as MultipartForm.Malformed {
            throw APIError(.badRequest, code: "malformed-form", message: "the multipart form is malformed at byte \(malformed.byteOffset): \(malformed.reason)",
                           details: [.init(code: "malformed-form", message: malformed.reason, line: nil, column: nil, field: nil, caseID: nil, byteOffset: malformed.byteOffset)])
        } catch {
            raw.discard()
            throw error
        }
        do {
            guard received.file.byteCount > 0 else {
                throw APIError(.badRequest, code: "empty-upload", message: "the upload is empty: send the prediction file as the request body or in a form field named \"file\"")
            }
            let name = try named ?? received.formFileName.map { try UploadFileName.checked($0) } ?? "submission"
            return ReceivedFile(name: name, upload: received.file, fields: received.fields)
        } catch {
            received.file.discard()
            throw error
        }
    }
}
