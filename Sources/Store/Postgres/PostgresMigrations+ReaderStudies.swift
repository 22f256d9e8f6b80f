extension PostgresMigrations {
    /// Reader studies (see the SQLite migration of the same name). Reads, disputes and decisions are append-only:
    /// triggers refuse UPDATE, DELETE and TRUNCATE.
    static let readerStudies: [String] = [
        """
        CREATE TABLE studies (
            id \(identity),
            challenge_id BIGINT NOT NULL REFERENCES challenges(id),
            slug TEXT NOT NULL,
            spec_text TEXT NOT NULL,
            spec_sha256 TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            updated_at DOUBLE PRECISION NOT NULL,
            UNIQUE (challenge_id, slug))
        """,
        """
        CREATE TABLE study_items (
            id \(identity),
            study_id BIGINT NOT NULL REFERENCES studies(id),
            item_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            description TEXT NOT NULL,
            UNIQUE (study_id, item_id))
        """,
        """
        CREATE TABLE study_readers (
            id \(identity),
            study_id BIGINT NOT NULL REFERENCES studies(id),
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('reader', 'adjudicator')),
            token_id BIGINT NOT NULL REFERENCES tokens(id),
            created_at DOUBLE PRECISION NOT NULL,
            UNIQUE (study_id, name),
            UNIQUE (study_id, token_id))
        """,
        """
        CREATE TABLE study_assignments (
            id \(identity),
            study_id BIGINT NOT NULL REFERENCES studies(id),
            item_ref BIGINT NOT NULL REFERENCES study_items(id),
            reader_ref BIGINT NOT NULL REFERENCES study_readers(id),
            ordinal BIGINT NOT NULL,
            transform TEXT,
            is_repeat BOOLEAN NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            UNIQUE (item_ref, reader_ref, is_repeat))
        """,
        "CREATE INDEX study_assignments_by_reader ON study_assignments (reader_ref, ordinal)",
        """
        CREATE TABLE study_reads (
            id \(identity),
            study_id BIGINT NOT NULL REFERENCES studies(id),
            assignment_id BIGINT NOT NULL REFERENCES study_assignments(id),
            item_ref BIGINT NOT NULL REFERENCES study_items(id),
            reader_ref BIGINT NOT NULL REFERENCES study_readers(id),
            version BIGINT NOT NULL CHECK (version >= 1),
            created_at DOUBLE PRECISION NOT NULL,
            seconds_spent DOUBLE PRECISION NOT NULL,
            label TEXT,
            shapes TEXT,
            comment TEXT,
            idempotency_key TEXT,
            UNIQUE (assignment_id, version),
            UNIQUE (reader_ref, idempotency_key))
        """,
        "CREATE INDEX study_reads_by_study ON study_reads (study_id, item_ref, reader_ref)",
        """
        CREATE TABLE study_disputes (
            id \(identity),
            study_id BIGINT NOT NULL REFERENCES studies(id),
            item_ref BIGINT NOT NULL REFERENCES study_items(id),
            reason TEXT NOT NULL,
            opened_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX study_disputes_by_study ON study_disputes (study_id, item_ref)",
        """
        CREATE TABLE study_decisions (
            dispute_id BIGINT PRIMARY KEY REFERENCES study_disputes(id),
            adjudicator_ref BIGINT NOT NULL REFERENCES study_readers(id),
            decided_at DOUBLE PRECISION NOT NULL,
            label TEXT,
            shapes TEXT,
            comment TEXT)
        """,
    ] + appendOnly("study_reads", "study reads") + appendOnly("study_disputes", "the adjudication queue")
        + appendOnly("study_decisions", "adjudication decisions")
}
