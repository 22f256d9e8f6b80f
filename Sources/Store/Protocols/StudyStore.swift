import Foundation

/// Reader studies: a challenge's studies with their items, readers (each bound to an annotator token) and assignments;
/// the reads, append-only (an edit is a new version, numbered inside the write so concurrent edits all survive); and
/// the adjudication queue with its decisions. A study is named by (challenge slug, study slug) and passed around as
/// the `StoredStudy` read back. Registration, reader bindings, item removals and decisions are audited in the transaction
/// that makes them.
public protocol StudyStore: Sendable {
    /// Registers a study, or updates its spec; its items are added, and existing ones updated. An item whose kind or
    /// description would change once it has reads is refused (`studyItemHasReads`). Items are never removed here.
    @discardableResult
    func registerStudy(_ registration: StudyRegistration, now: Date) throws -> StoredStudy
    func study(challenge: String, slug: String) throws -> StoredStudy
    /// A challenge's studies, by slug.
    func studies(challenge: String) throws -> [StoredStudy]

    /// Adds items (or updates those without reads), as registration does.
    func addStudyItems(_ items: [StudyItem], to study: StoredStudy, now: Date) throws
    /// Removes an item and its assignments; refused with `studyItemHasReads` once it has a read, and once it has been
    /// in the adjudication queue.
    func removeStudyItem(_ itemID: String, from study: StoredStudy, now: Date) throws
    /// The items in the order they were added.
    func studyItems(_ study: StoredStudy) throws -> [StudyItem]

    /// Binds a reader name to an annotator token in the study; binding the same name to the same token and role again
    /// changes nothing. A name or token already bound otherwise, or a token that is not a live annotator's, is refused.
    @discardableResult
    func addStudyReader(_ name: String, role: StudyReader.Role, tokenID: Int64, to study: StoredStudy, now: Date) throws -> StudyReader
    func studyReaders(_ study: StoredStudy) throws -> [StudyReader]
    /// The reader a token acts as in the study, if any.
    func studyReader(tokenID: Int64, in study: StoredStudy) throws -> StudyReader?

    /// Stores assignments in one transaction; each names an item and a reader (role `reader`) of the study. An
    /// assignment already stored for (item, reader, repeat) is kept as it is. Returns how many were added.
    @discardableResult
    func assign(_ assignments: [StudyAssignment], in study: StoredStudy, now: Date) throws -> Int
    /// One reader's assignments by ordinal, with how many versions of each are read: only that reader's.
    func progress(of reader: String, in study: StoredStudy) throws -> ReaderProgress

    /// Appends the next version of the reader's read of an assigned item. A read whose idempotency key the reader
    /// already used for that assignment returns the version stored then; used for another assignment, it is refused.
    func appendRead(_ read: NewStudyRead, to study: StoredStudy, now: Date) throws -> StudyRead
    /// The highest version of each (item, reader, assignment) of the study, by item then reader; agreement and
    /// consensus take those with `isRepeat == false`, self-consistency compares the two of an item and reader.
    func latestReads(_ study: StoredStudy) throws -> [StudyRead]
    /// Every version of one reader's reads of one item, plain assignment first, oldest version first.
    func readHistory(item: String, reader: String, in study: StoredStudy) throws -> [StudyRead]
    /// The reader-facing query: that reader's reads only (filtered by the database), by item then version; with
    /// `latestOnly`, the highest version of each assignment.
    func reads(by reader: String, in study: StoredStudy, latestOnly: Bool) throws -> [StudyRead]

    /// Puts an item in the adjudication queue; an item already waiting there keeps its open dispute, returned.
    @discardableResult
    func openDispute(item: String, reason: String, in study: StoredStudy, now: Date) throws -> StudyDispute
    /// The study's disputes, oldest first: every one, or only those still open.
    func disputes(_ study: StoredStudy, openOnly: Bool) throws -> [StudyDispute]
    /// Records an adjudicator's (role `adjudicator`) decision for an open dispute; a resolved one is refused.
    @discardableResult
    func resolveDispute(_ id: Int64, adjudicator: String, decision: StudyDecision, in study: StoredStudy, now: Date) throws -> StudyDispute
}

extension StudyStore {
    public func reads(by reader: String, in study: StoredStudy) throws -> [StudyRead] {
        try reads(by: reader, in: study, latestOnly: false)
    }

    public func openDisputes(_ study: StoredStudy) throws -> [StudyDispute] {
        try disputes(study, openOnly: true)
    }
}
