import Challenge
import Foundation
import Scoring
import Store

/// A registered study with its spec: what readers, adjudicators and organisers do with it, through the store.
/// Readers only ever reach their own reads: every reader-facing method takes the reader the caller authenticated.
public struct ReaderStudy: Sendable {
    public let store: any ArbiterStore
    public let study: StoredStudy
    public let spec: StudySpec

    public init(store: any ArbiterStore, challenge: String, slug: String) throws {
        self.store = store
        study = try store.study(challenge: challenge, slug: slug)
        spec = try StudySpecText.decode(study)
    }

    /// The reader (or adjudicator) a token acts as in this study.
    public func member(tokenID: Int64, role: StudyReader.Role) throws -> StudyReader {
        guard let member = try store.studyReader(tokenID: tokenID, in: study), member.role == role else {
            throw StudyError.notAReader(study: study.name, role: role.rawValue)
        }
        return member
    }

    /// Checks and stores a new version of a read. In an adaptive study, the second plain read of an item that
    /// disagrees with the first assigns the item to a third reader. `shapesBytesAsSent`: see `ReadValidator.check`.
    public func save(_ read: NewStudyRead, now: Date, shapesBytesAsSent: Int? = nil) throws -> StudyRead {
        try ReadValidator(questions: spec.questions).check(read, shapesBytesAsSent: shapesBytesAsSent)
        let stored = try store.appendRead(read, to: study, now: now)
        if spec.assignment == .adaptive, !read.isRepeat, stored.version == 1 {
            try assignThirdReaderIfDisputed(read.itemID, now: now)
        }
        return stored
    }

    /// The latest plain (not repeated) read of each item by each reader: what agreement and consensus use.
    public func latestPlainReads() throws -> [StudyRead] {
        try store.latestReads(study).filter { !$0.isRepeat }
    }

    /// Looks only at the item's own reads (one query per reader of the study); the whole plan is read only when the
    /// two disagree, since the third reader goes to the least loaded.
    private func assignThirdReaderIfDisputed(_ item: String, now: Date) throws {
        let reads = try spec.readers.compactMap { reader in
            try store.readHistory(item: item, reader: reader, in: study).last { !$0.isRepeat }
        }
        let labels = Set(reads.compactMap(\.label))
        guard reads.count == 2, labels.count == 2 else { return }
        let plan = try spec.readers.flatMap { try store.progress(of: $0, in: study).assignments.map(\.assignment) }
        guard plan.filter({ $0.itemID == item && !$0.isRepeat }).count == 2 else { return }
        try store.assign(AdaptiveAssignment.extraReadings(for: [item], plan: plan, readers: spec.readers), in: study, now: now)
    }
}
