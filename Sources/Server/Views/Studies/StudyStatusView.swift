import Foundation
import Store
import Studies

/// A study's state for its organisers: each reader's progress and reading time, each item's reads, and the
/// adjudication queue.
struct StudyStatusView: Encodable, Sendable {
    let study: StudySummaryView
    let items: Int
    let assignments: Int
    /// Stored versions of every read.
    let readVersions: Int
    let openDisputes: Int
    let resolvedDisputes: Int
    let readers: [ReaderStatus]
    let itemReads: [ItemStatus]

    struct ReaderStatus: Encodable, Sendable {
        let reader: String
        let completed: Int
        let total: Int
        let versions: Int
        /// Seconds spent over every stored version, and per version on average (nil before the first).
        let secondsSpent: Double
        let secondsPerRead: Double?
    }

    struct ItemStatus: Encodable, Sendable {
        let itemID: String
        /// Readers given the item to read plainly (hidden repeats aside).
        let assigned: Int
        /// Of those, how many have read it.
        let read: Int
    }

    init(_ study: ReaderStudy, progress: [ReaderProgress], reads: [StudyRead], items: [StudyItem], disputes: [StudyDispute]) {
        self.study = StudySummaryView(study.study, spec: study.spec)
        self.items = items.count
        assignments = progress.reduce(0) { $0 + $1.total }
        readVersions = reads.count
        openDisputes = disputes.count(where: \.isOpen)
        resolvedDisputes = disputes.count { !$0.isOpen }
        let byReader = Dictionary(grouping: reads, by: \.reader)
        readers = progress.map { one in
            let own = byReader[one.reader] ?? []
            let seconds = own.reduce(0) { $0 + $1.secondsSpent }
            return ReaderStatus(reader: one.reader, completed: one.completed, total: one.total, versions: own.count, secondsSpent: seconds,
                                secondsPerRead: own.isEmpty ? nil : seconds / Double(own.count))
        }
        let plain = progress.flatMap(\.assignments).filter { !$0.assignment.isRepeat }
        let byItem = Dictionary(grouping: plain, by: \.assignment.itemID)
        itemReads = items.map { item in
            let given = byItem[item.itemID] ?? []
            return ItemStatus(itemID: item.itemID, assigned: given.count, read: given.count(where: \.isRead))
        }
    }
}
