import Foundation
import PostgresNIO

extension PostgresStore {
    /// The item's row is locked, so two callers opening a dispute on one item at once open one.
    @discardableResult
    public func openDispute(item: String, reason: String, in study: StoredStudy, now: Date) throws -> StudyDispute {
        try write { connection in
            let ref = try await self.itemRef(item, study: study, on: connection)
            try await connection.execute("SELECT id FROM study_items WHERE id = \(ref) FOR UPDATE", logger: self.logger)
            if let open = try await connection.row(
                "\(unescaped: Self.disputeColumns) WHERE p.item_ref = \(ref) AND s.dispute_id IS NULL", logger: self.logger)
            {
                return try StudyDispute(row: open)
            }
            guard let row = try await connection.row(
                """
                INSERT INTO study_disputes (study_id, item_ref, reason, opened_at)
                VALUES (\(study.id), \(ref), \(reason), \(now.timeIntervalSince1970)) RETURNING id
                """, logger: self.logger)
            else { throw PostgresStoreError.raced("the new dispute did not come back") }
            return StudyDispute(id: try row.get("id"), itemID: item, reason: reason, openedAt: now, decision: nil)
        }
    }

    public func disputes(_ study: StoredStudy, openOnly: Bool) throws -> [StudyDispute] {
        try read { connection in
            try await connection.rows(
                """
                \(unescaped: Self.disputeColumns) WHERE p.study_id = \(study.id) \(unescaped: openOnly ? "AND s.dispute_id IS NULL" : "")
                ORDER BY p.id
                """, logger: self.logger
            ).map(StudyDispute.init(row:))
        }
    }

    /// The decision and its audit entry in one transaction. The dispute's row is locked first, so a second adjudicator
    /// waits and then finds the first one's decision (the decision's primary key, the dispute's id, refuses a second anyway).
    @discardableResult
    public func resolveDispute(_ id: Int64, adjudicator: String, decision: StudyDecision, in study: StoredStudy, now: Date) throws -> StudyDispute {
        try write { connection in
            let judge = try await self.readerRef(adjudicator, role: .adjudicator, study: study, on: connection)
            try await connection.execute("SELECT id FROM study_disputes WHERE id = \(id) FOR UPDATE", logger: self.logger)
            guard let row = try await connection.row(
                "\(unescaped: Self.disputeColumns) WHERE p.id = \(id) AND p.study_id = \(study.id)", logger: self.logger)
            else { throw StoreError.unknownDispute(study: study.name, id: id) }
            let dispute = try StudyDispute(row: row)
            if let earlier = dispute.decision {
                throw StoreError.disputeAlreadyResolved(study: study.name, item: dispute.itemID, id: id, by: earlier.adjudicator)
            }
            try await connection.execute(
                """
                INSERT INTO study_decisions (dispute_id, adjudicator_ref, decided_at, label, shapes, comment)
                VALUES (\(id), \(judge), \(now.timeIntervalSince1970), \(decision.label), \(decision.shapes), \(decision.comment))
                """, logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "adjudicator:\(adjudicator)", action: "study.adjudicated",
                                             challenge: study.challenge, subject: "study \(study.slug) item \(dispute.itemID)",
                                             detail: "dispute #\(id)"), on: connection)
            return StudyDispute(id: id, itemID: dispute.itemID, reason: dispute.reason, openedAt: dispute.openedAt,
                                decision: AdjudicationDecision(adjudicator: adjudicator, decidedAt: now, decision: decision))
        }
    }

    static let disputeColumns = """
        SELECT p.id, i.item_id, p.reason, p.opened_at, s.dispute_id, d.name AS adjudicator, s.decided_at, s.label, s.shapes, s.comment
        FROM study_disputes p JOIN study_items i ON i.id = p.item_ref LEFT JOIN study_decisions s ON s.dispute_id = p.id
             LEFT JOIN study_readers d ON d.id = s.adjudicator_ref
        """
}

extension StudyDispute {
    init(row: PostgresRandomAccessRow) throws {
        let decided: Int64? = try row.get("dispute_id")
        self.init(
            id: try row.get("id"), itemID: try row.get("item_id"), reason: try row.get("reason"),
            openedAt: Date(timeIntervalSince1970: try row.get("opened_at")),
            decision: try decided.map { _ in
                AdjudicationDecision(
                    adjudicator: try row.get("adjudicator"), decidedAt: Date(timeIntervalSince1970: try row.get("decided_at")),
                    decision: StudyDecision(label: try row.get("label"), shapes: try row.get("shapes"), comment: try row.get("comment")))
            })
    }
}
