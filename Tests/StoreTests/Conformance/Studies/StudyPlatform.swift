import Foundation
import PlatformSupport
import Store

/// The small challenge with a study `tiles` of three items (t1, t2, t3), readers `ana` and `ben` each assigned every
/// item in order, ana also t1 again as a hidden repeat rotated by 90°, and an adjudicator `ada`; each bound to an
/// annotator token of its own.
struct StudyPlatform {
    let platform: Platform
    let study: StoredStudy
    /// Each reader's and the adjudicator's token id, by name.
    let tokens: [String: Int64]

    var store: any ArbiterStore { platform.store }

    static let items = ["t1", "t2", "t3"].map {
        StudyItem(itemID: $0, kind: "tile", description: #"{"slide":"s1.svs","box":[0,0,512,512],"name":"\#($0)"}"#)
    }

    init(adapter: StoreAdapter) throws {
        try self.init(store: try adapter.open())
    }

    init(store: any ArbiterStore) throws {
        platform = try Platform(store: store)
        let store = platform.store
        study = try store.registerStudy(
            StudyRegistration(challenge: "small", slug: "tiles", specText: "readers: [ana, ben]\n", items: Self.items), now: platform.at(0))
        var tokens: [String: Int64] = [:]
        for (name, role) in [("ana", StudyReader.Role.reader), ("ben", .reader), ("ada", .adjudicator)] {
            let issued = try store.issueToken(role: .annotator, team: nil, label: name, now: platform.at(0))
            try store.addStudyReader(name, role: role, tokenID: issued.record.id, to: study, now: platform.at(0))
            tokens[name] = issued.record.id
        }
        self.tokens = tokens
        let plain = ["ana", "ben"].flatMap { reader in
            Self.items.enumerated().map { StudyAssignment(itemID: $1.itemID, reader: reader, ordinal: $0 + 1) }
        }
        try store.assign(plain + [StudyAssignment(itemID: "t1", reader: "ana", ordinal: 4, transform: "rotate90", isRepeat: true)],
                         in: study, now: platform.at(0))
    }

    /// Appends a read with a label.
    @discardableResult
    func read(_ item: String, by reader: String, label: String, isRepeat: Bool = false, key: String? = nil, at offset: Double = 10)
        throws -> StudyRead
    {
        try store.appendRead(NewStudyRead(itemID: item, reader: reader, isRepeat: isRepeat, secondsSpent: 12.5, label: label,
                                          idempotencyKey: key),
                             to: study, now: platform.at(offset))
    }
}
