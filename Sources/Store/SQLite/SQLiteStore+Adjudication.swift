import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult
    public func openDispute(item: String, reason: String, in study: StoredStudy, now: Date) throws -> StudyDispute {
        try pool.write { db in
            let ref = try itemRef(item, study: study, db: db)
            if let open = try Row.fetchOne(db, sql: "\(Self.disputeColumns) WHERE p.item_ref = ? AND s.dispute_id IS NULL", arguments: [ref]) {
                return StudyDispute(row: open)
            }
            try db.execute(sql: "INSERT INTO study_disputes (study_id, item_ref, reason, opened_at) VALUES (?, ?, ?, ?)",
                           arguments: [study.id, ref, reason, now.timeIntervalSince1970])
            return StudyDispute(id: db.lastInsertedRowID, itemID: item, reason: reason, openedAt: now, decision: nil)
        }
    }

    public func disputes(_ study: StoredStudy, openOnly: Bool) throws -> [StudyDispute] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "\(Self.disputeColumns) WHERE p.study_id = ? \(openOnly ? "AND s.dispute_id IS NULL" : "") ORDER BY p.id",
                arguments: [study.id]
            ).map(StudyDispute.init(row:))
        }
    }

    /// The decision and its audit entry in one transaction; the decision's primary key (the dispute) refuses a second.
    @discardableResult
    public func resolveDispute(_ id: Int64, adjudicator: String, decision: StudyDecision, in study: StoredStudy, now: Date) throws -> StudyDispute {
        try pool.write { db in
            let judge = try readerRef(adjudicator, role: .adjudicator, study: study, db: db)
            guard let row = try Row.fetchOne(db, sql: "\(Self.disputeColumns) WHERE p.id = ? AND p.study_id = ?", arguments: [id, study.id])
            else { throw StoreError.unknownDispute(study: study.name, id: id) }
            let dispute = StudyDispute(row: row)
            if let earlier = dispute.decision {
                throw StoreError.disputeAlreadyResolved(study: study.name, item: dispute.itemID, id: id, by: earlier.adjudicator)
            }
            try db.execute(
                sql: "INSERT INTO study_decisions (dispute_id, adjudicator_ref, decided_at, label, shapes, comment) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, judge, now.timeIntervalSince1970, decision.label, decision.shapes, decision.comment])
            try append(AuditEntry(at: now, actor: "adjudicator:\(adjudicator)", action: "study.adjudicated", challenge: study.challenge,
                                  subject: "study \(study.slug) item \(dispute.itemID)", detail: "dispute #\(id)"), in: db)
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
    init(row: Row) {
        let decided: Int64? = row["dispute_id"]
        self.init(
            id: row["id"], itemID: row["item_id"], reason: row["reason"], openedAt: Date(timeIntervalSince1970: row["opened_at"]),
            decision: decided.map { _ in
                AdjudicationDecision(adjudicator: row["adjudicator"], decidedAt: Date(timeIntervalSince1970: row["decided_at"]),
                                     decision: StudyDecision(label: row["label"], shapes: row["shapes"], comment: row["comment"]))
            })
    }
}
