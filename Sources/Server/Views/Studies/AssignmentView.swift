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
    /// Where the item lies (slide, level-0 box, microns per pixel), in a study that asks for shapes; nil otherwise.
    let item: ItemDescription?
    /// How the item is shown (`rotate90`, `flip-horizontal`, …), in a study that asks for shapes; nil shows it as it is
    /// (and is all a study without shapes ever says). The picture at `imageURL` is already shown so; shapes are saved
    /// in the item's own level-0 coordinates.
    let transform: String?
    let read: Bool
    let versions: Int
    let readsURL: String
    /// The item's picture (PNG), when the study has one.
    let imageURL: String?

    /// `placesShapes`: whether the study asks for shapes, which are placed in the item's level-0 coordinates and so
    /// need where the item lies and how it is turned. A study that asks for none shows neither: its picture is all a
    /// reader needs, and a hidden repeat then looks like any other assignment.
    init(_ assigned: AssignedItem, item: StudyItem?, study: StoredStudy, placesShapes: Bool) {
        ordinal = assigned.assignment.ordinal
        kind = item?.kind ?? "unknown"
        let description = item.flatMap(ItemDescription.init)
        // The picture's digest stays out: a repeat and its first reading would share it.
        self.item = placesShapes ? description?.with(image: nil) : nil
        transform = placesShapes ? assigned.assignment.transform : nil
        read = assigned.isRead
        versions = assigned.versions
        readsURL = AssignmentView.readsURL(study, ordinal: ordinal)
        imageURL = description?.image == nil ? nil : AssignmentView.studyURL(study) + "/assignments/\(ordinal)/image"
    }

    /// Every key is always present (`transform` as null when there is none), so that every entry has the same shape.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ordinal, forKey: .ordinal)
        try container.encode(kind, forKey: .kind)
        try container.encode(item, forKey: .item)
        try container.encode(transform, forKey: .transform)
        try container.encode(read, forKey: .read)
        try container.encode(versions, forKey: .versions)
        try container.encode(readsURL, forKey: .readsURL)
        try container.encode(imageURL, forKey: .imageURL)
    }

    private enum CodingKeys: String, CodingKey { case ordinal, kind, item, transform, read, versions, readsURL, imageURL }

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

    init(_ progress: ReaderProgress, items: [StudyItem], study: StoredStudy, placesShapes: Bool) {
        let byID = Dictionary(items.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        self.study = study.slug
        reader = progress.reader
        completed = progress.completed
        total = progress.total
        next = progress.next?.assignment.ordinal
        assignments = progress.assignments.map {
            AssignmentView($0, item: byID[$0.assignment.itemID], study: study, placesShapes: placesShapes)
        }
    }
}
