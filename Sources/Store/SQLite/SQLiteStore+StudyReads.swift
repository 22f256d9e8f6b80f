import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult
    public func assign(_ assignments: [StudyAssignment], in study: StoredStudy, now: Date) throws -> Int {
        try pool.write { db in
            var (items, readers): ([String: Int64], [String: Int64]) = ([:], [:])
            var added = 0
            for assignment in assignments {
                let item = try items[assignment.itemID] ?? itemRef(assignment.itemID, study: study, db: db)
                let reader = try readers[assignment.reader] ?? readerRef(assignment.reader, role: .reader, study: study, db: db)
                (items[assignment.itemID], readers[assignment.reader]) = (item, reader)
                try db.cachedStatement(sql: """
                    INSERT INTO study_assignments (study_id, item_ref, reader_ref, ordinal, transform, is_repeat, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_ref, reader_ref, is_repeat) DO NOTHING
                    """
                ).execute(arguments: [study.id, item, reader, assignment.ordinal, assignment.transform, assignment.isRepeat,
                                      now.timeIntervalSince1970])
                added += db.changesCount
            }
            return added
        }
    }

    public func progress(of reader: String, in study: StoredStudy) throws -> ReaderProgress {
        try pool.read { db in
            let ref = try readerRef(reader, role: .reader, study: study, db: db)
            let assignments = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.item_id, a.ordinal, a.transform, a.is_repeat,
                           (SELECT COUNT(*) FROM study_reads r WHERE r.assignment_id = a.id) AS versions
                    FROM study_assignments a JOIN study_items i ON i.id = a.item_ref
                    WHERE a.reader_ref = ? ORDER BY a.ordinal, a.id
                    """,
                arguments: [ref]
            ).map { row in
                AssignedItem(assignment: StudyAssignment(itemID: row["item_id"], reader: reader, ordinal: row["ordinal"],
                                                         transform: row["transform"], isRepeat: row["is_repeat"]),
                             versions: row["versions"])
            }
            return ReaderProgress(reader: reader, assignments: assignments)
        }
    }

    /// Numbers the version inside the write transaction: SQLite has one writer, so concurrent appends take turns and
    /// each sees the versions committed before it.
    public func appendRead(_ read: NewStudyRead, to study: StoredStudy, now: Date) throws -> StudyRead {
        try pool.write { db in
            let reader = try readerRef(read.reader, role: .reader, study: study, db: db)
            let item = try itemRef(read.itemID, study: study, db: db)
            guard let assignment = try Int64.fetchOne(
                db, sql: "SELECT id FROM study_assignments WHERE item_ref = ? AND reader_ref = ? AND is_repeat = ?",
                arguments: [item, reader, read.isRepeat])
            else { throw StoreError.notAssigned(study: study.name, item: read.itemID, reader: read.reader, isRepeat: read.isRepeat) }
            if let key = read.idempotencyKey,
                let earlier = try Row.fetchOne(db, sql: "\(Self.readColumns) WHERE r.reader_ref = ? AND r.idempotency_key = ?",
                                               arguments: [reader, key])
            {
                return try StudyReadKey.earlier(StudyRead(row: earlier), for: read, study: study)
            }
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM study_reads WHERE assignment_id = ?",
                                            arguments: [assignment]) ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO study_reads (study_id, assignment_id, item_ref, reader_ref, version, created_at, seconds_spent, label, shapes,
                                             comment, idempotency_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [study.id, assignment, item, reader, version, now.timeIntervalSince1970, read.secondsSpent, read.label,
                            read.shapes, read.comment, read.idempotencyKey])
            return StudyRead(id: db.lastInsertedRowID, itemID: read.itemID, reader: read.reader, isRepeat: read.isRepeat, version: version,
                             createdAt: now, secondsSpent: read.secondsSpent, label: read.label, shapes: read.shapes, comment: read.comment,
                             idempotencyKey: read.idempotencyKey)
        }
    }

    public func latestReads(_ study: StoredStudy) throws -> [StudyRead] {
        try fetchReads(
            "WHERE r.study_id = ? AND \(Self.latestVersion) ORDER BY i.id, d.name, a.is_repeat", [study.id])
    }

    public func readHistory(item: String, reader: String, in study: StoredStudy) throws -> [StudyRead] {
        try fetchReads("WHERE r.study_id = ? AND i.item_id = ? AND d.name = ? ORDER BY a.is_repeat, r.version", [study.id, item, reader])
    }

    /// Filtered on the reader in the query itself: no other reader's row ever leaves the database.
    public func reads(by reader: String, in study: StoredStudy, latestOnly: Bool) throws -> [StudyRead] {
        try fetchReads(
            "WHERE r.study_id = ? AND d.name = ? \(latestOnly ? "AND \(Self.latestVersion)" : "") ORDER BY i.id, a.is_repeat, r.version",
            [study.id, reader])
    }

    private func fetchReads(_ condition: String, _ arguments: StatementArguments) throws -> [StudyRead] {
        try pool.read { db in try Row.fetchAll(db, sql: "\(Self.readColumns) \(condition)", arguments: arguments).map(StudyRead.init(row:)) }
    }

    private static let latestVersion = "r.version = (SELECT MAX(x.version) FROM study_reads x WHERE x.assignment_id = r.assignment_id)"

    static let readColumns = """
        SELECT r.id, i.item_id, d.name AS reader, a.is_repeat, r.version, r.created_at, r.seconds_spent, r.label, r.shapes, r.comment,
               r.idempotency_key
        FROM study_reads r JOIN study_assignments a ON a.id = r.assignment_id JOIN study_items i ON i.id = r.item_ref
             JOIN study_readers d ON d.id = r.reader_ref
        """
}

extension StudyRead {
    init(row: Row) {
        self.init(id: row["id"], itemID: row["item_id"], reader: row["reader"], isRepeat: row["is_repeat"], version: row["version"],
                  createdAt: Date(timeIntervalSince1970: row["created_at"]), secondsSpent: row["seconds_spent"], label: row["label"],
                  shapes: row["shapes"], comment: row["comment"], idempotencyKey: row["idempotency_key"])
    }
}
