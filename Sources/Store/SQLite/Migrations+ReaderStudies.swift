import GRDB

extension Migrations {
    /// Reader studies: a challenge's studies, their items, readers bound to annotator tokens, assignments (unique per
    /// item, reader and repeat flag), reads, and the adjudication queue with its decisions. Reads, disputes and
    /// decisions are append-only: triggers refuse any UPDATE or DELETE (an edit of a read is a new version).
    static func addReaderStudies(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE studies (
                id INTEGER PRIMARY KEY,
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                slug TEXT NOT NULL,
                spec_text TEXT NOT NULL,
                spec_sha256 TEXT NOT NULL,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL,
                UNIQUE (challenge_id, slug)
            );
            CREATE TABLE study_items (
                id INTEGER PRIMARY KEY,
                study_id INTEGER NOT NULL REFERENCES studies(id),
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                description TEXT NOT NULL,
                UNIQUE (study_id, item_id)
            );
            CREATE TABLE study_readers (
                id INTEGER PRIMARY KEY,
                study_id INTEGER NOT NULL REFERENCES studies(id),
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('reader', 'adjudicator')),
                token_id INTEGER NOT NULL REFERENCES tokens(id),
                created_at REAL NOT NULL,
                UNIQUE (study_id, name),
                UNIQUE (study_id, token_id)
            );
            CREATE TABLE study_assignments (
                id INTEGER PRIMARY KEY,
                study_id INTEGER NOT NULL REFERENCES studies(id),
                item_ref INTEGER NOT NULL REFERENCES study_items(id),
                reader_ref INTEGER NOT NULL REFERENCES study_readers(id),
                ordinal INTEGER NOT NULL,
                transform TEXT,
                is_repeat INTEGER NOT NULL CHECK (is_repeat IN (0, 1)),
                created_at REAL NOT NULL,
                UNIQUE (item_ref, reader_ref, is_repeat)
            );
            CREATE INDEX study_assignments_by_reader ON study_assignments (reader_ref, ordinal);
            CREATE TABLE study_reads (
                id INTEGER PRIMARY KEY,
                study_id INTEGER NOT NULL REFERENCES studies(id),
                assignment_id INTEGER NOT NULL REFERENCES study_assignments(id),
                item_ref INTEGER NOT NULL REFERENCES study_items(id),
                reader_ref INTEGER NOT NULL REFERENCES study_readers(id),
                version INTEGER NOT NULL CHECK (version >= 1),
                created_at REAL NOT NULL,
                seconds_spent REAL NOT NULL,
                label TEXT,
                shapes TEXT,
                comment TEXT,
                idempotency_key TEXT,
                UNIQUE (assignment_id, version),
                UNIQUE (reader_ref, idempotency_key)
            );
            CREATE INDEX study_reads_by_study ON study_reads (study_id, item_ref, reader_ref);
            CREATE TABLE study_disputes (
                id INTEGER PRIMARY KEY,
                study_id INTEGER NOT NULL REFERENCES studies(id),
                item_ref INTEGER NOT NULL REFERENCES study_items(id),
                reason TEXT NOT NULL,
                opened_at REAL NOT NULL
            );
            CREATE INDEX study_disputes_by_study ON study_disputes (study_id, item_ref);
            CREATE TABLE study_decisions (
                dispute_id INTEGER PRIMARY KEY REFERENCES study_disputes(id),
                adjudicator_ref INTEGER NOT NULL REFERENCES study_readers(id),
                decided_at REAL NOT NULL,
                label TEXT,
                shapes TEXT,
                comment TEXT
            );
            """)
        for (table, what) in [("study_reads", "study reads are"), ("study_disputes", "the adjudication queue is"),
                              ("study_decisions", "adjudication decisions are")] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_are_append_only_update BEFORE UPDATE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(what) append-only'); END;
                CREATE TRIGGER \(table)_are_append_only_delete BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(what) append-only'); END;
                """)
        }
    }
}
