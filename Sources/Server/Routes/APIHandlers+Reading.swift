import Challenge
import Foundation
import Hummingbird
import Logging
import Store
import Studies

/// The routes of a study's readers. A reader reaches only its own list and reads: no route takes a reader's name, and an
/// ordinal is looked up in the caller's own list. Assignments are named by ordinal, so a hidden repeat is never
/// told apart by its id or a flag.
extension APIHandlers {
    /// The most a saved read's body may be: the shapes the validator keeps (4 MiB), escaped, with room for the rest.
    static let readBodyLimit = 10 << 20
    /// The longest idempotency key kept, in characters (Unicode code points).
    static let maxIdempotencyKey = 200

    func assignments(_ context: APIRequestContext, caller: Caller) throws -> Response {
        let (study, member) = try membership(context, caller: caller, role: .reader)
        let progress = try store.progress(of: member.name, in: study.study)
        let items = try store.studyItems(study.study)
        let byID = Dictionary(items.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        var frames: [Int: ItemFrame] = [:]
        if study.spec.questions.shapes != nil {
            for assigned in progress.assignments {
                frames[assigned.assignment.ordinal] = frame(of: assigned.assignment, item: byID[assigned.assignment.itemID])
            }
        }
        return try Self.json(AssignmentListView(progress, items: byID, study: study.study, frames: frames))
    }

    func assignmentReads(_ context: APIRequestContext, caller: Caller) throws -> Response {
        let ordinal = try context.parameters.require("ordinal", as: Int.self)
        let (study, member) = try membership(context, caller: caller, role: .reader)
        return try Self.json(try ownReads(ordinal, of: member, in: study))
    }

    /// Every version of the caller's read of its assignment `ordinal`, oldest first, shapes in the shown frame. Shapes
    /// that cannot be placed in it (a turned whole slide whose slide the server lacks) are left out, not shown unturned.
    func ownReads(_ ordinal: Int, of member: StudyReader, in study: ReaderStudy) throws -> [ReadView] {
        let assignment = try ownAssignment(ordinal, of: member, in: study).assignment
        let reads = try versions(of: assignment, in: study)
        guard reads.contains(where: { $0.shapes != nil }),
              let frame = try? shapesFrame(of: assignment, in: study) else { return reads.map { ReadView($0, ordinal: ordinal, shapes: nil) } }
        return try reads.map { read in
            ReadView(read, ordinal: ordinal, shapes: try read.shapes.map { text in
                try Self.answering { try frame.shownText(text, item: read.itemID) }
            })
        }
    }

    func saveRead(_ request: Request, context: APIRequestContext, caller: Caller) async throws -> Response {
        let ordinal = try context.parameters.require("ordinal", as: Int.self)
        let (challenge, slug) = (try context.parameters.require("challenge"), try context.parameters.require("study"))
        // Who may save is settled before the body is read.
        _ = try await blocking { [self] in
            let (study, member) = try membership(challenge: challenge, slug: slug, caller: caller, role: .reader)
            return try ownAssignment(ordinal, of: member, in: study).assignment
        }
        let body = try await decode(NewReadBody.self, from: request, context: context, upTo: Self.readBodyLimit, decoder: JSONDecoder())
        let saved = try await saveOwnRead(body, challenge: challenge, slug: slug, ordinal: ordinal, caller: caller)
        return try Self.json(saved, status: .created)
    }

    /// Saves `body` as a new version of the caller's read of its assignment `ordinal` (the API's route and the
    /// viewer's alike): its shapes come in the frame the reader is shown and are stored on the slide. `keepingShapes`:
    /// a body without shapes keeps the latest version's, as stored (a grade saved by a form without the viewer).
    func saveOwnRead(_ body: NewReadBody, challenge: String, slug: String, ordinal: Int, caller: Caller,
                     keepingShapes: Bool = false) async throws -> ReadView {
        if let key = body.idempotencyKey, key.isEmpty || key.unicodeScalars.count > Self.maxIdempotencyKey {
            throw APIError.badRequest("an idempotency key must have 1 to \(Self.maxIdempotencyKey) characters, not \(key.unicodeScalars.count)",
                                      code: "invalid-idempotency-key")
        }
        let now = clock()
        return try await blocking { [self] in
            let (study, member) = try membership(challenge: challenge, slug: slug, caller: caller, role: .reader)
            let assignment = try ownAssignment(ordinal, of: member, in: study).assignment
            // Only shapes need the frame: a whole slide's opens its slide.
            var known: ItemFrame?
            func frame() throws -> ItemFrame {
                if let known { return known }
                let frame = try shapesFrame(of: assignment, in: study)
                known = frame
                return frame
            }
            let kept = body.shapes == nil && keepingShapes ? try versions(of: assignment, in: study).last?.shapes : nil
            return try Self.answering {
                let shapes = try body.shapes.map { try frame().slideText($0.text, item: assignment.itemID) } ?? kept
                let read = NewStudyRead(itemID: assignment.itemID, reader: member.name, isRepeat: assignment.isRepeat,
                                        secondsSpent: body.secondsSpent, label: body.label, shapes: shapes, comment: body.comment,
                                        idempotencyKey: body.idempotencyKey)
                do {
                    let stored = try study.save(read, now: now, shapesBytesAsSent: body.shapes?.text.utf8.count)
                    return ReadView(stored, ordinal: ordinal, shapes: stored.shapes.flatMap { try? frame().shownText($0, item: stored.itemID) })
                } catch StoreError.invalidStudyChange {
                    // The store's message names the other assignment's item: say only what the caller did.
                    throw APIError(.conflict, code: "idempotency-key-reused",
                                   message: "this idempotency key was already used for another of your assignments; send a new key")
                } catch StoreError.notAssigned, StoreError.unknownStudyItem {
                    // The item left the study since the ordinal was looked up; its id and repeat flag stay unsaid.
                    throw APIError.notFound("you have no assignment \(ordinal) in study \(slug)")
                }
            }
        }
    }

    /// Every stored version of the reader's read of `assignment`, oldest first.
    func versions(of assignment: StudyAssignment, in study: ReaderStudy) throws -> [StudyRead] {
        try store.reads(by: assignment.reader, in: study.study)
            .filter { $0.itemID == assignment.itemID && $0.isRepeat == assignment.isRepeat }.sorted { $0.version < $1.version }
    }

    /// The frame an assignment's item is shown in; nil when nothing says where the item lies (a whole slide whose
    /// slide the server does not have).
    func frame(of assignment: StudyAssignment, item: StudyItem?) -> ItemFrame? {
        guard let description = item.flatMap(ItemDescription.init) else { return nil }
        return placedFrame(description, transform: assignment.transform.flatMap(RepeatTransform.init(rawValue:)))
    }

    /// `description`'s frame under `transform`: a whole slide's needs its slide, and one that cannot be opened leaves
    /// the frame unknown, with a warning in the log, rather than failing the reader's page.
    func placedFrame(_ description: ItemDescription, transform: RepeatTransform?) -> ItemFrame? {
        do {
            return try viewer.frame(of: description, transform: transform)
        } catch {
            // Only a whole slide's frame opens its slide, and without it the frame is unknown.
            logger.warning("the viewer cannot open slide \(description.slide): \(error)")
            return nil
        }
    }

    /// The frame the assignment's shapes are drawn in.
    func shapesFrame(of assignment: StudyAssignment, in study: ReaderStudy) throws -> ItemFrame {
        try shapesFrame(itemID: assignment.itemID, transform: assignment.transform.flatMap(RepeatTransform.init(rawValue:)), in: study)
    }

    /// The frame shapes on item `itemID` shown under `transform` are drawn in (a reader's assignment, or an
    /// adjudicator's unturned view). An item shown as it is, of unknown size, keeps the slide's own coordinates; a
    /// turned one cannot be placed without its size, and is refused.
    func shapesFrame(itemID: String, transform: RepeatTransform?, in study: ReaderStudy) throws -> ItemFrame {
        let item = try store.studyItems(study.study).first { $0.itemID == itemID }
        if let frame = item.flatMap(ItemDescription.init).flatMap({ placedFrame($0, transform: transform) }) { return frame }
        guard transform == nil else {
            throw APIError(.unprocessableContent, code: "item-frame-unknown",
                           message: "shapes cannot be placed on this assignment: the server has no slides folder with its slide")
        }
        return .unplaced
    }

    /// The study the path names and the caller's place in it as `role`. A study the token is not bound to does not
    /// exist for it: the answer is the one for a study that does not exist.
    func membership(_ context: APIRequestContext, caller: Caller, role: StudyReader.Role) throws -> (ReaderStudy, StudyReader) {
        try membership(challenge: try context.parameters.require("challenge"), slug: try context.parameters.require("study"),
                       caller: caller, role: role)
    }

    func membership(challenge: String, slug: String, caller: Caller, role: StudyReader.Role) throws -> (ReaderStudy, StudyReader) {
        guard case .annotator(let tokenID) = caller else {
            throw APIError.forbidden("only an annotator token bound to the study as its \(role.rawValue) can use this route")
        }
        let study = try Self.answering { try ReaderStudy(store: store, challenge: challenge, slug: slug) }
        guard let member = try store.studyReader(tokenID: tokenID, in: study.study) else {
            throw StoreError.unknownStudy(challenge: challenge, study: slug)
        }
        guard member.role == role else {
            throw APIError.forbidden("this token is a \(member.role.rawValue) of study \(slug); this route is for its \(role.rawValue)s")
        }
        return (study, member)
    }

    /// The caller's own assignment at `ordinal`; no other reader's list is ever consulted.
    func ownAssignment(_ ordinal: Int, of member: StudyReader, in study: ReaderStudy) throws -> AssignedItem {
        guard let found = try store.progress(of: member.name, in: study.study).assignments.first(where: { $0.assignment.ordinal == ordinal }) else {
            throw APIError.notFound("you have no assignment \(ordinal) in study \(study.study.slug)")
        }
        return found
    }
}

/// A read as a reader sends it. Decoded with a plain decoder and these keys, so a GeoJSON object's own keys reach
/// the store as they were sent (the API decoder would rewrite snake_case keys inside it).
struct NewReadBody: Decodable, Sendable {
    let label: String?
    let shapes: ShapesText?
    let comment: String?
    let secondsSpent: Double
    let idempotencyKey: String?

    init(label: String?, shapes: ShapesText?, comment: String?, secondsSpent: Double, idempotencyKey: String?) {
        self.label = label
        self.shapes = shapes
        self.comment = comment
        self.secondsSpent = secondsSpent
        self.idempotencyKey = idempotencyKey
    }

    enum CodingKeys: String, CodingKey {
        case label, shapes, comment
        case secondsSpent = "seconds_spent"
        case idempotencyKey = "idempotency_key"
    }
}
