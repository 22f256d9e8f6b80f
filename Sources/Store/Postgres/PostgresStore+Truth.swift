import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Replaces a challenge's ground truth in one transaction, as `SQLiteStore.importTruth` does: case rows are kept
    /// (matched by id) so stored results stay attached, and a case that results refer to cannot be dropped. The
    /// challenge's row is locked so two imports take turns.
    public func importTruth(
        _ truth: GroundTruth, challenge slug: String, fileSHA256: String, now: Date,
        files: [String: (sha256: String, fileName: String)]
    ) throws {
        let truthFiles = files.mapValues { TruthFileName(sha256: $0.sha256, fileName: $0.fileName) }
        try write { connection in
            let challenge = try await self.challenge(slug, on: connection)
            try await connection.execute("SELECT id FROM challenges WHERE id = \(challenge.id) FOR UPDATE", logger: self.logger)
            try await connection.execute(
                """
                INSERT INTO cases (challenge_id, case_id, split, position)
                SELECT \(challenge.id), case_id, split, position
                FROM unnest(\(truth.cases.map(\.id))::text[], \(truth.cases.map(\.split.rawValue))::text[],
                            \(truth.cases.indices.map(Int64.init))::bigint[]) AS v(case_id, split, position)
                ON CONFLICT (challenge_id, case_id) DO UPDATE SET split = excluded.split, position = excluded.position
                """, logger: self.logger)
            try await connection.execute(
                """
                INSERT INTO ground_truth (case_ref, label)
                SELECT c.id, v.label FROM unnest(\(truth.cases.map(\.id))::text[], \(truth.cases.map { Int64($0.label) })::bigint[]) AS v(case_id, label)
                JOIN cases c ON c.challenge_id = \(challenge.id) AND c.case_id = v.case_id
                ON CONFLICT (case_ref) DO UPDATE SET label = excluded.label
                """, logger: self.logger)
            let withFiles = truth.cases.compactMap { item in truthFiles[item.id].map { (item.id, $0) } }
            if !withFiles.isEmpty {
                try await connection.execute(
                    """
                    INSERT INTO truth_files (case_ref, sha256, file_name)
                    SELECT c.id, v.sha256, v.file_name
                    FROM unnest(\(withFiles.map(\.0))::text[], \(withFiles.map(\.1.sha256))::text[], \(withFiles.map(\.1.fileName))::text[])
                        AS v(case_id, sha256, file_name)
                    JOIN cases c ON c.challenge_id = \(challenge.id) AND c.case_id = v.case_id
                    ON CONFLICT (case_ref) DO UPDATE SET sha256 = excluded.sha256, file_name = excluded.file_name
                    """, logger: self.logger)
            }
            try await self.dropCases(notIn: truth.cases.map(\.id), challenge: challenge, on: connection)
            try await connection.execute(
                "UPDATE challenges SET truth_version = \(fileSHA256) WHERE id = \(challenge.id)", logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "truth.imported", challenge: slug,
                                             fileSHA256: fileSHA256, detail: "\(truth.cases.count) cases"), on: connection)
        }
    }

    private func dropCases(notIn keep: [String], challenge: StoredChallenge, on connection: PostgresConnection) async throws {
        let dropped = try await connection.rows(
            "SELECT id, case_id FROM cases WHERE challenge_id = \(challenge.id) AND NOT (case_id = ANY(\(keep)))", logger: logger)
        for row in dropped {
            let ref: Int64 = try row.get("id")
            if try await connection.row("SELECT 1 AS used FROM case_value_sets WHERE \(ref) = ANY(case_refs) LIMIT 1", logger: logger) != nil {
                throw StoreError.invalidSpecChange(
                    challenge: challenge.spec.slug,
                    reason: "case \"\(try row.get("case_id", as: String.self))\" has scored results and cannot be removed from the truth")
            }
            try await connection.execute("DELETE FROM ground_truth WHERE case_ref = \(ref)", logger: logger)
            try await connection.execute("DELETE FROM truth_files WHERE case_ref = \(ref)", logger: logger)
            try await connection.execute("DELETE FROM case_inputs WHERE case_ref = \(ref)", logger: logger)
            try await connection.execute("DELETE FROM cases WHERE id = \(ref)", logger: logger)
        }
    }

    /// The ids of the cases a phase covers, in truth order; labels are deliberately not read here.
    public func caseIDs(challenge: StoredChallenge, splits: [Split]) throws -> [String] {
        try read { connection in
            try await connection.rows(
                """
                SELECT case_id FROM cases WHERE challenge_id = \(challenge.id) AND split = ANY(\(splits.map(\.rawValue))) ORDER BY position
                """, logger: self.logger
            ).map { try $0.get("case_id") }
        }
    }

    /// The cases of a phase with their labels, for the judge only.
    public func truthCases(challenge: StoredChallenge, splits: [Split]) throws -> [StoredCase] {
        try read { connection in
            try await connection.rows(
                """
                SELECT c.id, c.case_id, c.split, g.label FROM cases c JOIN ground_truth g ON g.case_ref = c.id
                WHERE c.challenge_id = \(challenge.id) AND c.split = ANY(\(splits.map(\.rawValue))) ORDER BY c.position
                """, logger: self.logger
            ).map { row in
                StoredCase(ref: try row.get("id"), truth: TruthCase(id: try row.get("case_id"), label: Int(try row.get("label", as: Int64.self)),
                                                                    split: Split(rawValue: try row.get("split")) ?? .private))
            }
        }
    }

    /// The truth file of each case of a phase (lesion and segmentation tasks), for the judge only.
    public func truthFiles(challenge: StoredChallenge, splits: [Split]) throws -> [StoredTruthFile] {
        try read { connection in
            try await connection.rows(
                """
                SELECT c.id, c.case_id, c.split, f.sha256, f.file_name FROM cases c JOIN truth_files f ON f.case_ref = c.id
                WHERE c.challenge_id = \(challenge.id) AND c.split = ANY(\(splits.map(\.rawValue))) ORDER BY c.position
                """, logger: self.logger
            ).map { row in
                StoredTruthFile(ref: try row.get("id"), caseID: try row.get("case_id"), split: Split(rawValue: try row.get("split")) ?? .private,
                                sha256: try row.get("sha256"), fileName: try row.get("file_name"))
            }
        }
    }
}

/// A case's truth file, as a Sendable value to carry into the transaction.
struct TruthFileName: Sendable {
    let sha256: String
    let fileName: String
}
