import Foundation
import Store
import Studies

/// One entry of a reader's own list, as the reader sees it. The ordinal names it (the server resolves it against the
/// caller's list); the item's id is left out, and there is no repeat flag: a hidden repeat differs from a first
/// reading only by the transform it is shown under.
struct AssignmentView: Encodable, Sendable {
    let ordinal: Int
    /// `tile`, `region` or `slide`.
    let kind: String
    /// The item's size as shown, in level-0 pixels (width and height), in a study that asks for shapes; shapes are
    /// sent and returned in this frame, from (0, 0) at the picture's top-left. Nil in a study without shapes, or when
    /// the server cannot tell (a whole slide whose slide it does not have: shapes are then in the slide's pixels).
    let size: [Int]?
    /// Microns per level-0 pixel, when known, for a scale.
    let mpp: Double?
    let read: Bool
    let versions: Int
    let readsURL: String
    /// The item's picture (PNG), when the study has one.
    let imageURL: String?

    /// `frame`: how the item is shown, in a study that asks for shapes. Neither where the item lies on its slide nor
    /// whether it is turned is said: a repeat of a region would give itself away by its box, and a turned one by its turn.
    init(_ assigned: AssignedItem, item: StudyItem?, study: StoredStudy, frame: ItemFrame?) {
        ordinal = assigned.assignment.ordinal
        kind = item?.kind ?? "unknown"
        let description = item.flatMap(ItemDescription.init)
        size = frame.map { [$0.shownSize.width, $0.shownSize.height] }
        mpp = frame == nil ? nil : description?.mpp
        read = assigned.isRead
        versions = assigned.versions
        readsURL = AssignmentView.readsURL(study, ordinal: ordinal)
        imageURL = description?.image == nil ? nil : AssignmentView.studyURL(study) + "/assignments/\(ordinal)/image"
    }

    /// Every key is always present (as null when there is nothing to say), so that every entry has the same shape.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ordinal, forKey: .ordinal)
        try container.encode(kind, forKey: .kind)
        try container.encode(size, forKey: .size)
        try container.encode(mpp, forKey: .mpp)
        try container.encode(read, forKey: .read)
        try container.encode(versions, forKey: .versions)
        try container.encode(readsURL, forKey: .readsURL)
        try container.encode(imageURL, forKey: .imageURL)
    }

    private enum CodingKeys: String, CodingKey { case ordinal, kind, size, mpp, read, versions, readsURL, imageURL }

    static func readsURL(_ study: StoredStudy, ordinal: Int) -> String {
        studyURL(study) + "/assignments/\(ordinal)/reads"
    }

    static func studyURL(_ study: StoredStudy) -> String {
        "/api/v1/challenges/\(study.challenge)/studies/\(study.slug)"
    }
}

/// A reader's own list in order, with how far they are.
struct AssignmentListView: Encodable, Sendable {
    let study: String
    let reader: String
    let completed: Int
    let total: Int
    /// The ordinal of the first assignment without a read; nil when every one is read.
    let next: Int?
    let assignments: [AssignmentView]

    /// `frames`: each assignment's frame by ordinal, in a study that asks for shapes.
    init(_ progress: ReaderProgress, items byID: [String: StudyItem], study: StoredStudy, frames: [Int: ItemFrame]) {
        self.study = study.slug
        reader = progress.reader
        completed = progress.completed
        total = progress.total
        next = progress.next?.assignment.ordinal
        assignments = progress.assignments.map {
            AssignmentView($0, item: byID[$0.assignment.itemID], study: study, frame: frames[$0.assignment.ordinal])
        }
    }
}
