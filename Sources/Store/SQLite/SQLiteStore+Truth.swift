import Challenge
import Foundation
import GRDB

extension SQLiteStore {
    /// Replaces a challenge's ground truth in one transaction. Case rows are kept (matched by id) so
    /// stored results stay attached; a case that results refer to cannot be dropped.
    /// `files` gives, for lesion and segmentation tasks, the blob holding each case's truth file.
    public func importTruth(
        _ truth: GroundTruth, challenge slug: String, fileSHA256: String, now: Date,
        files: [String: (sha256: String, fileName: String)]
    ) throws {
        try pool.write { db in
            let challenge = try challenge(slug, db: db)
            var keep: Set<String> = []
            for (position, item) in truth.cases.enumerated() {
                keep.insert(item.id)
                try db.execute(
                    sql: """
                        INSERT INTO cases (challenge_id, case_id, split, position) VALUES (?, ?, ?, ?)
                        ON CONFLICT (challenge_id, case_id) DO UPDATE SET split = excluded.split, position = excluded.position
                        """,
                    arguments: [challenge.id, item.id, item.split.rawValue, position])
                try db.execute(
                    sql: """
                        INSERT INTO ground_truth (case_ref, label)
                        SELECT id, ? FROM cases WHERE challenge_id = ? AND case_id = ?
                        ON CONFLICT (case_ref) DO UPDATE SET label = excluded.label
                        """,
                    arguments: [item.label, challenge.id, item.id])
                if let file = files[item.id] {
                    try db.execute(
                        sql: """
                            INSERT INTO truth_files (case_ref, sha256, file_name)
                            SELECT id, ?, ? FROM cases WHERE challenge_id = ? AND case_id = ?
                            ON CONFLICT (case_ref) DO UPDATE SET sha256 = excluded.sha256, file_name = excluded.file_name
                            """,
                        arguments: [file.sha256, file.fileName, challenge.id, item.id])
                }
            }
            try dropCases(notIn: keep, challenge: challenge, db: db)
            try db.execute(sql: "UPDATE challenges SET truth_version = ? WHERE id = ?", arguments: [fileSHA256, challenge.id])
            try append(AuditEntry(at: now, actor: "organiser", action: "truth.imported", challenge: slug,
                                  fileSHA256: fileSHA256, detail: "\(truth.cases.count) cases"), in: db)
        }
    }

    private func dropCases(notIn keep: Set<String>, challenge: StoredChallenge, db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, case_id FROM cases WHERE challenge_id = ?", arguments: [challenge.id])
            .filter { !keep.contains($0["case_id"]) }
        let used = try caseRefsWithResults(among: Set(rows.map { $0["id"] as Int64 }), db: db)
        for row in rows {
            let ref: Int64 = row["id"]
            guard !used.contains(ref) else {
                throw StoreError.invalidSpecChange(
                    challenge: challenge.spec.slug,
                    reason: "case \"\(row["case_id"] as String)\" has scored results and cannot be removed from the truth")
            }
            try db.execute(sql: "DELETE FROM ground_truth WHERE case_ref = ?", arguments: [ref])
            try db.execute(sql: "DELETE FROM truth_files WHERE case_ref = ?", arguments: [ref])
            try db.execute(sql: "DELETE FROM case_inputs WHERE case_ref = ?", arguments: [ref])
            try db.execute(sql: "DELETE FROM cases WHERE id = ?", arguments: [ref])
        }
    }

    /// The ids of the cases a phase covers, in truth order: what a submission must predict.
    /// Labels are deliberately not read here.
    public func caseIDs(challenge: StoredChallenge, splits: [Split]) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT case_id FROM cases WHERE challenge_id = ? AND split IN (\(placeholders(splits.count))) ORDER BY position",
                arguments: StatementArguments([challenge.id] + splits.map(\.rawValue)))
        }
    }

    /// The cases of a phase with their labels, for the judge only.
    public func truthCases(challenge: StoredChallenge, splits: [Split]) throws -> [StoredCase] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.case_id, c.split, g.label FROM cases c JOIN ground_truth g ON g.case_ref = c.id
                    WHERE c.challenge_id = ? AND c.split IN (\(placeholders(splits.count))) ORDER BY c.position
                    """,
                arguments: StatementArguments([challenge.id] + splits.map(\.rawValue)))
            return rows.map { row in
                StoredCase(ref: row["id"], truth: TruthCase(id: row["case_id"], label: row["label"],
                                                            split: Split(rawValue: row["split"]) ?? .private))
            }
        }
    }
}

extension SQLiteStore {
    /// The truth file of each case of a phase (lesion and segmentation tasks), for the judge only.
    public func truthFiles(challenge: StoredChallenge, splits: [Split]) throws -> [StoredTruthFile] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.case_id, c.split, f.sha256, f.file_name FROM cases c JOIN truth_files f ON f.case_ref = c.id
                    WHERE c.challenge_id = ? AND c.split IN (\(placeholders(splits.count))) ORDER BY c.position
                    """,
                arguments: StatementArguments([challenge.id] + splits.map(\.rawValue)))
            return rows.map { row in
                StoredTruthFile(ref: row["id"], caseID: row["case_id"], split: Split(rawValue: row["split"]) ?? .private,
                                sha256: row["sha256"], fileName: row["file_name"])
            }
        }
    }
}

func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
