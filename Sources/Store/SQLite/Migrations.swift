import GRDB

/// The schema, as ordered migrations. A shipped migration is never edited: add a new one.
enum Migrations {
    /// Every migration, oldest first; each name is a shipped schema version.
    static let names = ["v1-walking-skeleton", "v2-truth-files", "v3-leaderboard-history", "v4-server", "v5-quarantined-jobs",
                              "v6-job-kinds", "v7-claimable-jobs", "v8-container-runs", "v9-web-sessions",
                              "v10-case-value-arrays", "v11-reader-studies", "v12-accounts"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-walking-skeleton", migrate: createInitialSchema)
        migrator.registerMigration("v2-truth-files", migrate: createTruthFiles)
        migrator.registerMigration("v3-leaderboard-history", migrate: createLeaderboardHistory)
        migrator.registerMigration("v4-server", migrate: addServerColumns)
        migrator.registerMigration("v5-quarantined-jobs", migrate: addJobFailureReason)
        migrator.registerMigration("v6-job-kinds", migrate: addJobKinds)
        migrator.registerMigration("v7-claimable-jobs", migrate: addClaimableJobsIndex)
        migrator.registerMigration("v8-container-runs", migrate: addContainerRuns)
        migrator.registerMigration("v9-web-sessions", migrate: addWebSessions)
        migrator.registerMigration("v10-case-value-arrays", migrate: storeCaseValuesAsArrays)
        migrator.registerMigration("v11-reader-studies", migrate: addReaderStudies)
        migrator.registerMigration("v12-accounts", migrate: addAccounts)
        return migrator
    }

    /// Lesion and segmentation truth is a file per case (a label volume, a mask, outlines as JSON), kept in
    /// the blob store; the table says which blob holds which case's truth.
    private static func createTruthFiles(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE truth_files (
                case_ref INTEGER PRIMARY KEY REFERENCES cases(id),
                sha256 TEXT NOT NULL,
                file_name TEXT NOT NULL
            );
            """)
    }

    /// An organiser may open a phase early or close it before its scheduled end (NULL follows the schedule);
    /// tokens get a label so an organiser can tell them apart without ever seeing them again.
    private static func addServerColumns(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE phases ADD COLUMN availability TEXT CHECK (availability IN ('open', 'closed'));
            ALTER TABLE tokens ADD COLUMN label TEXT;
            CREATE INDEX jobs_by_submission ON jobs (submission_id);
            """)
    }

    /// A job that keeps ending without a result is given up after a capped number of attempts; the reason is kept
    /// for the operator (the team sees only the submission's plain `failure`).
    private static func addJobFailureReason(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE jobs ADD COLUMN failure_reason TEXT;")
    }

    /// The queue carries kinds of job other than scoring (tiling a slide), each described by a payload the worker
    /// reads, with no submission. SQLite cannot drop NOT NULL in place, so the table is rebuilt; nothing refers to it.
    private static func addJobKinds(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE jobs_with_kinds (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL DEFAULT 'score',
                submission_id INTEGER REFERENCES submissions(id),
                payload TEXT,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                worker TEXT,
                lease_until REAL,
                created_at REAL NOT NULL,
                finished_at REAL,
                failure_reason TEXT,
                CHECK (kind <> 'score' OR submission_id IS NOT NULL)
            );
            INSERT INTO jobs_with_kinds (id, kind, submission_id, state, attempts, worker, lease_until, created_at, finished_at,
                                         failure_reason)
                SELECT id, 'score', submission_id, state, attempts, worker, lease_until, created_at, finished_at, failure_reason
                FROM jobs;
            DROP TABLE jobs;
            ALTER TABLE jobs_with_kinds RENAME TO jobs;
            CREATE INDEX jobs_by_state ON jobs (kind, state, id);
            CREATE INDEX jobs_by_submission ON jobs (submission_id);
            """)
    }

    /// The jobs a claim may take, by kind in id order: without it a claim scanned every finished job of the queue's
    /// history (the planners use it because the claim's WHERE repeats its condition).
    private static func addClaimableJobsIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX jobs_claimable ON jobs (kind, id) WHERE state IN ('queued', 'running');")
    }

    /// Container phases: each case's hidden inputs (blobs, like truth files), and each container submission's run:
    /// the image it holds, then how its run ended and the prediction file its output gave.
    private static func addContainerRuns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE case_inputs (
                case_ref INTEGER NOT NULL REFERENCES cases(id),
                interface TEXT NOT NULL,
                file_name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                byte_count INTEGER NOT NULL,
                PRIMARY KEY (case_ref, interface)
            );
            CREATE TABLE container_runs (
                submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),
                image_id TEXT NOT NULL,
                image_format TEXT NOT NULL,
                architecture TEXT NOT NULL,
                verdict TEXT,
                exit_code INTEGER,
                problem_count INTEGER,
                first_problem_kind TEXT,
                duration_seconds REAL,
                peak_memory_bytes INTEGER,
                log_sha256 TEXT,
                predictions_name TEXT,
                predictions_sha256 TEXT,
                predictions_bytes INTEGER,
                finished_at REAL
            );
            CREATE INDEX container_runs_by_image ON container_runs (image_id);
            """)
    }

    /// Browser sessions, each opened from a token (only the session id's digest is kept), and the Markdown pages kept
    /// with a challenge (its README), versioned by the digest of their text; refused uploads counted per phase, team and
    /// reason.
    private static func addWebSessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE web_sessions (
                id INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL UNIQUE,
                token_id INTEGER NOT NULL REFERENCES tokens(id),
                csrf_token TEXT NOT NULL,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                ended_at REAL
            );
            CREATE TABLE challenge_documents (
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                name TEXT NOT NULL,
                markdown TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                updated_at REAL NOT NULL,
                PRIMARY KEY (challenge_id, name)
            );
            CREATE TABLE upload_refusals (
                phase_id INTEGER NOT NULL REFERENCES phases(id),
                team_id INTEGER NOT NULL REFERENCES teams(id),
                code TEXT NOT NULL,
                count INTEGER NOT NULL,
                last_at REAL NOT NULL,
                last_message TEXT NOT NULL,
                PRIMARY KEY (phase_id, team_id, code)
            );
            """)
    }

    /// Per-case values as one row per (evaluation, metric) holding its case refs and values as blobs (`NumberBlob`),
    /// as PostgreSQL's v10 holds them as arrays: a judged submission wrote a row per case and metric (3,000 for a
    /// 1,500-case phase with two per-case metrics), which was the largest part of judging it. Existing rows move
    /// across in case-ref order, as PostgreSQL's migration moved them.
    private static func storeCaseValuesAsArrays(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE case_value_sets (
                evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
                metric TEXT NOT NULL,
                case_refs BLOB NOT NULL,
                case_values BLOB NOT NULL,
                PRIMARY KEY (evaluation_id, metric)
            ) WITHOUT ROWID;
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT evaluation_id, metric, case_ref, value FROM case_results ORDER BY evaluation_id, metric, case_ref")
        let insert = try db.makeStatement(sql: "INSERT INTO case_value_sets (evaluation_id, metric, case_refs, case_values) VALUES (?, ?, ?, ?)")
        var current: (evaluation: Int64, metric: String)?
        var (refs, values): ([Int64], [Double]) = ([], [])
        func flush() throws {
            guard let current else { return }
            try insert.execute(arguments: [current.evaluation, current.metric, NumberBlob.data(refs[...]), NumberBlob.data(values[...])])
            (refs, values) = ([], [])
        }
        while let row = try rows.next() {
            let key: (Int64, String) = (row["evaluation_id"], row["metric"])
            if current.map({ $0.evaluation != key.0 || $0.metric != key.1 }) ?? true {
                try flush()
                current = key
            }
            refs.append(row["case_ref"])
            values.append(row["value"])
        }
        try flush()
        try db.execute(sql: "DROP TABLE case_results")
    }

    /// Published leaderboard snapshots, each signed and chained to the one before; append-only.
    private static func createLeaderboardHistory(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE leaderboard_snapshots (
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                sequence INTEGER NOT NULL,
                canonical TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                signature TEXT NOT NULL,
                PRIMARY KEY (challenge_id, sequence)
            );
            CREATE TRIGGER leaderboard_snapshots_are_append_only_update BEFORE UPDATE ON leaderboard_snapshots
                BEGIN SELECT RAISE(ABORT, 'leaderboard history is append-only'); END;
            CREATE TRIGGER leaderboard_snapshots_are_append_only_delete BEFORE DELETE ON leaderboard_snapshots
                BEGIN SELECT RAISE(ABORT, 'leaderboard history is append-only'); END;
            """)
    }

    private static func createInitialSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE challenges (
                id INTEGER PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                spec_json TEXT NOT NULL,
                spec_sha256 TEXT NOT NULL,
                truth_version TEXT,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            );
            CREATE TABLE phases (
                id INTEGER PRIMARY KEY,
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                slug TEXT NOT NULL,
                published_at REAL,
                UNIQUE (challenge_id, slug)
            );
            -- Case ids and splits are what participants may know; labels live in ground_truth.
            CREATE TABLE cases (
                id INTEGER PRIMARY KEY,
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                case_id TEXT NOT NULL,
                split TEXT NOT NULL CHECK (split IN ('public', 'private')),
                position INTEGER NOT NULL,
                UNIQUE (challenge_id, case_id)
            );
            CREATE TABLE ground_truth (
                case_ref INTEGER PRIMARY KEY REFERENCES cases(id),
                label INTEGER NOT NULL
            );
            CREATE TABLE teams (
                id INTEGER PRIMARY KEY,
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                name TEXT NOT NULL,
                created_at REAL NOT NULL,
                UNIQUE (challenge_id, name)
            );
            CREATE TABLE tokens (
                id INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('organiser', 'team', 'annotator')),
                team_id INTEGER REFERENCES teams(id),
                created_at REAL NOT NULL,
                revoked_at REAL
            );
            CREATE TABLE submissions (
                id INTEGER PRIMARY KEY,
                phase_id INTEGER NOT NULL REFERENCES phases(id),
                team_id INTEGER NOT NULL REFERENCES teams(id),
                file_name TEXT NOT NULL,
                file_sha256 TEXT NOT NULL,
                byte_count INTEGER NOT NULL,
                submitted_at REAL NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('queued', 'scoring', 'scored', 'failed')),
                failure TEXT,
                chosen_at REAL
            );
            CREATE INDEX submissions_by_team ON submissions (phase_id, team_id, submitted_at);
            CREATE TABLE jobs (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                worker TEXT,
                lease_until REAL,
                created_at REAL NOT NULL,
                finished_at REAL
            );
            CREATE INDEX jobs_by_state ON jobs (state, id);
            CREATE TABLE evaluations (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                scorer_version TEXT NOT NULL,
                truth_version TEXT NOT NULL,
                created_at REAL NOT NULL,
                UNIQUE (submission_id, scorer_version, truth_version)
            );
            -- The long table (case, metric, value): a plain rowid table with one index on the
            -- evaluation, without foreign keys. The judge writes hundreds of thousands of rows
            -- per batch, and per-row key checks and a composite primary key doubled its time;
            -- the rows are written in the transaction that creates their evaluation, from case
            -- ids read from `cases`, and cases with results cannot be dropped (importTruth).
            CREATE TABLE case_results (
                evaluation_id INTEGER NOT NULL,
                metric TEXT NOT NULL,
                case_ref INTEGER NOT NULL,
                value REAL NOT NULL
            );
            CREATE INDEX case_results_by_evaluation ON case_results (evaluation_id);
            CREATE TABLE aggregates (
                evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
                split TEXT NOT NULL,
                metric TEXT NOT NULL,
                value REAL,
                PRIMARY KEY (evaluation_id, split, metric)
            ) WITHOUT ROWID;
            CREATE TABLE split_summaries (
                evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
                split TEXT NOT NULL,
                summary_json TEXT NOT NULL,
                PRIMARY KEY (evaluation_id, split)
            ) WITHOUT ROWID;
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                challenge TEXT,
                subject TEXT,
                file_sha256 TEXT,
                detail TEXT
            );
            CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }
}
