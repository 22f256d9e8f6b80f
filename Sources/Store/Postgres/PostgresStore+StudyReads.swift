import Foundation
import PostgresNIO

extension PostgresStore {
    @discardableResult
    public func assign(_ assignments: [StudyAssignment], in study: StoredStudy, now: Date) throws -> Int {
        try write { connection in
            var (items, readers): ([String: Int64], [String: Int64]) = ([:], [:])
            var added = 0
            for assignment in assignments {
                let item: Int64, reader: Int64
                if let known = items[assignment.itemID] { item = known } else {
                    item = try await self.itemRef(assignment.itemID, study: study, on: connection)
                    items[assignment.itemID] = item
                }
                if let known = readers[assignment.reader] { reader = known } else {
                    reader = try await self.readerRef(assignment.reader, role: .reader, study: study, on: connection)
                    readers[assignment.reader] = reader
                }
                let inserted = try await connection.rows(
                    """
                    INSERT INTO study_assignments (study_id, item_ref, reader_ref, ordinal, transform, is_repeat, created_at)
                    VALUES (\(study.id), \(item), \(reader), \(assignment.ordinal), \(assignment.transform), \(assignment.isRepeat),
                            \(now.timeIntervalSince1970))
                    ON CONFLICT (item_ref, reader_ref, is_repeat) DO NOTHING RETURNING id
                    """, logger: self.logger)
                added += inserted.count
            }
            return added
        }
    }

    public func progress(of reader: String, in study: StoredStudy) throws -> ReaderProgress {
        try read { connection in
            let ref = try await self.readerRef(reader, role: .reader, study: study, on: connection)
            let assignments = try await connection.rows(
                """
                SELECT i.item_id, a.ordinal, a.transform, a.is_repeat,
                       (SELECT COUNT(*) FROM study_reads r WHERE r.assignment_id = a.id) AS versions
                FROM study_assignments a JOIN study_items i ON i.id = a.item_ref
                WHERE a.reader_ref = \(ref) ORDER BY a.ordinal, a.id
                """, logger: self.logger
            ).map { row in
                AssignedItem(assignment: StudyAssignment(itemID: try row.get("item_id"), reader: reader, ordinal: try row.get("ordinal"),
                                                         transform: try row.get("transform"), isRepeat: try row.get("is_repeat")),
                             versions: try row.get("versions"))
            }
            return ReaderProgress(reader: reader, assignments: assignments)
        }
    }

    /// Numbers the version inside the transaction, holding the assignment's row lock: concurrent appends to one
    /// assignment take turns, and each (READ COMMITTED) sees the versions committed before it. A retried save finds
    /// its key after the lock, so two copies of one save racing each other store it once.
    public func appendRead(_ read: NewStudyRead, to study: StoredStudy, now: Date) throws -> StudyRead {
        try write { connection in
            let reader = try await self.readerRef(read.reader, role: .reader, study: study, on: connection)
            let item = try await self.itemRef(read.itemID, study: study, on: connection)
            guard let assignment = try await connection.row(
                """
                SELECT id FROM study_assignments WHERE item_ref = \(item) AND reader_ref = \(reader) AND is_repeat = \(read.isRepeat)
                FOR UPDATE
                """, logger: self.logger)?.get("id", as: Int64.self)
            else { throw StoreError.notAssigned(study: study.name, item: read.itemID, reader: read.reader, isRepeat: read.isRepeat) }
            if let key = read.idempotencyKey,
                let earlier = try await connection.row(
                    "\(unescaped: Self.readColumns) WHERE r.reader_ref = \(reader) AND r.idempotency_key = \(key)", logger: self.logger)
            {
                return try StudyReadKey.earlier(try StudyRead(row: earlier), for: read, study: study)
            }
            guard let row = try await connection.row(
                """
                INSERT INTO study_reads (study_id, assignment_id, item_ref, reader_ref, version, created_at, seconds_spent, label, shapes,
                                         comment, idempotency_key)
                SELECT \(study.id), \(assignment), \(item), \(reader), COALESCE(MAX(version), 0) + 1, \(now.timeIntervalSince1970),
                       \(read.secondsSpent), \(read.label), \(read.shapes), \(read.comment), \(read.idempotencyKey)
                FROM study_reads WHERE assignment_id = \(assignment)
                RETURNING id, version
                """, logger: self.logger)
            else { throw PostgresStoreError.raced("the new read did not come back") }
            return StudyRead(id: try row.get("id"), itemID: read.itemID, reader: read.reader, isRepeat: read.isRepeat,
                             version: try row.get("version"), createdAt: now, secondsSpent: read.secondsSpent, label: read.label,
                             shapes: read.shapes, comment: read.comment, idempotencyKey: read.idempotencyKey)
        }
    }

    public func latestReads(_ study: StoredStudy) throws -> [StudyRead] {
        try fetchReads("WHERE r.study_id = \(study.id) AND \(unescaped: Self.latestVersion) ORDER BY i.id, d.name, a.is_repeat")
    }

    public func readHistory(item: String, reader: String, in study: StoredStudy) throws -> [StudyRead] {
        try fetchReads("WHERE r.study_id = \(study.id) AND i.item_id = \(item) AND d.name = \(reader) ORDER BY a.is_repeat, r.version")
    }

    /// Filtered on the reader in the query itself: no other reader's row ever leaves the database.
    public func reads(by reader: String, in study: StoredStudy, latestOnly: Bool) throws -> [StudyRead] {
        try fetchReads(
            """
            WHERE r.study_id = \(study.id) AND d.name = \(reader) \(unescaped: latestOnly ? "AND \(Self.latestVersion)" : "")
            ORDER BY i.id, a.is_repeat, r.version
            """)
    }

    private func fetchReads(_ condition: PostgresQuery) throws -> [StudyRead] {
        let query = PostgresQuery(unsafeSQL: Self.readColumns + " " + condition.sql, binds: condition.binds)
        return try read { connection in try await connection.rows(query, logger: self.logger).map(StudyRead.init(row:)) }
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
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.get("id"), itemID: try row.get("item_id"), reader: try row.get("reader"), isRepeat: try row.get("is_repeat"),
                  version: try row.get("version"), createdAt: Date(timeIntervalSince1970: try row.get("created_at")),
                  secondsSpent: try row.get("seconds_spent"), label: try row.get("label"), shapes: try row.get("shapes"),
                  comment: try row.get("comment"), idempotencyKey: try row.get("idempotency_key"))
    }
}
