import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Imaging
import NIOCore
import Store
import Studies

/// The pictures readers and adjudicators look at: an item's PNG as `study add` stored it, shown the way the caller's
/// assignment says. A hidden repeat's picture is turned or mirrored here, on the server, so the bytes of a repeat never
/// equal those of its first reading.
extension APIHandlers {
    /// The most pixels an item's picture may have when decoded to be turned (64 Mi, 256 MiB as RGBA).
    static let maxItemImagePixels = 1 << 26

    func assignmentImage(_ context: APIRequestContext, caller: Caller) throws -> Response {
        try assignmentPicture(challenge: try context.parameters.require("challenge"), study: try context.parameters.require("study"),
                              ordinal: try context.parameters.require("ordinal", as: Int.self), caller: caller)
    }

    func disputeImage(_ context: APIRequestContext, caller: Caller) throws -> Response {
        try disputePicture(challenge: try context.parameters.require("challenge"), study: try context.parameters.require("study"),
                           id: try context.parameters.require("id", as: Int64.self), caller: caller)
    }

    /// The picture of the caller's own assignment at `ordinal`, shown as the assignment says (the API's and the
    /// reader pages' route alike).
    func assignmentPicture(challenge: String, study slug: String, ordinal: Int, caller: Caller) throws -> Response {
        let (study, member) = try membership(challenge: challenge, slug: slug, caller: caller, role: .reader)
        let assignment = try ownAssignment(ordinal, of: member, in: study).assignment
        return try itemImage(assignment.itemID, shown: assignment.transform.flatMap(RepeatTransform.init(rawValue:)), in: study,
                             missing: "assignment \(ordinal)")
    }

    /// The picture of a disputed item, while its dispute is open: an adjudicator reaches the items of its queue only.
    func disputePicture(challenge: String, study slug: String, id: Int64, caller: Caller) throws -> Response {
        let (study, _) = try membership(challenge: challenge, slug: slug, caller: caller, role: .adjudicator)
        return try itemImage(try openDispute(id, in: study).itemID, shown: nil, in: study, missing: "dispute \(id)")
    }

    /// The study's open dispute `id`; a decided or unknown one is not found.
    func openDispute(_ id: Int64, in study: ReaderStudy) throws -> StudyDispute {
        guard let dispute = try store.openDisputes(study.study).first(where: { $0.id == id }) else {
            throw APIError.notFound("study \(study.study.slug) has no open dispute \(id)")
        }
        return dispute
    }

    /// `missing` names the item as the caller knows it, so an error never says an item id a reader was not given.
    private func itemImage(_ itemID: String, shown transform: RepeatTransform?, in study: ReaderStudy, missing: String) throws -> Response {
        let item = try store.studyItems(study.study).first { $0.itemID == itemID }
        guard let digest = item.flatMap(ItemDescription.init)?.image else {
            throw APIError.notFound("\(missing) has no picture: the study was added without its slides or tiles")
        }
        let stored = try store.blobs.read(digest)
        guard let transform else { return Self.png(stored) }
        do {
            let image = try PNGCodec.decode(stored, channels: 4, maximumPixels: Self.maxItemImagePixels)
            return Self.png(try PNGCodec.encode(image.oriented(transform.orientation)))
        } catch {
            // The stored picture was checked when it was added; a failure now is the server's, not the caller's.
            throw APIError(.internalServerError, code: "item-image-unreadable", message: "the picture of \(missing) could not be prepared")
        }
    }

    private static func png(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension RepeatTransform {
    /// How the picture is turned: rotations are clockwise, as the spec says.
    public var orientation: PNGCodec.Image.Orientation {
        switch self {
        case .rotate90: .clockwise(quarterTurns: 1)
        case .rotate180: .clockwise(quarterTurns: 2)
        case .rotate270: .clockwise(quarterTurns: 3)
        case .flipHorizontal: .mirroredLeftRight
        case .flipVertical: .mirroredTopBottom
        }
    }
}
