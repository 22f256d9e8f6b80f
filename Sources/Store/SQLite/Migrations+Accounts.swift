import GRDB

extension Migrations {
    /// Accounts people sign up for, with the single-use links mailed to them; tokens of a new role, `participant`, that
    /// belong to an account (`purpose` 'api' for the tokens a person makes, 'browser' for the one behind each
    /// password sign-in, so that sessions stay bound to a token as before); the terms each account accepted, its access
    /// requests, team memberships and invitations; data files served from the blobs.
    ///
    /// SQLite cannot change a CHECK constraint, so `tokens` is rebuilt (GRDB runs migrations with foreign keys checked
    /// at the end, so the tables that refer to it keep their rows).
    static func addAccounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE accounts (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL,
                email_key TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                created_at REAL NOT NULL,
                verified_at REAL
            );
            CREATE TABLE account_links (
                sha256 TEXT PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                used_at REAL
            );
            CREATE INDEX account_links_by_account ON account_links (account_id, purpose);
            CREATE TABLE tokens_rebuilt (
                id INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('organiser', 'team', 'annotator', 'participant')),
                team_id INTEGER REFERENCES teams(id),
                created_at REAL NOT NULL,
                revoked_at REAL,
                label TEXT,
                account_id INTEGER REFERENCES accounts(id),
                purpose TEXT NOT NULL DEFAULT 'api' CHECK (purpose IN ('api', 'browser')),
                CHECK ((role = 'participant') = (account_id IS NOT NULL))
            );
            INSERT INTO tokens_rebuilt (id, sha256, role, team_id, created_at, revoked_at, label)
                SELECT id, sha256, role, team_id, created_at, revoked_at, label FROM tokens;
            DROP TABLE tokens;
            ALTER TABLE tokens_rebuilt RENAME TO tokens;
            CREATE INDEX tokens_by_account ON tokens (account_id, purpose);
            CREATE TABLE terms_acceptances (
                id INTEGER PRIMARY KEY,
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                rules_sha256 TEXT NOT NULL,
                data_use_sha256 TEXT NOT NULL,
                accepted_at REAL NOT NULL
            );
            CREATE INDEX terms_acceptances_by_account ON terms_acceptances (challenge_id, account_id, id);
            CREATE TABLE access_requests (
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                affiliation TEXT NOT NULL,
                purpose TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
                requested_at REAL NOT NULL,
                decided_at REAL,
                PRIMARY KEY (challenge_id, account_id)
            );
            ALTER TABLE teams ADD COLUMN merged_into INTEGER REFERENCES teams(id);
            CREATE TABLE team_members (
                id INTEGER PRIMARY KEY,
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                team_id INTEGER NOT NULL REFERENCES teams(id),
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                joined_at REAL NOT NULL,
                left_at REAL,
                left_how TEXT CHECK (left_how IN ('left', 'removed', 'merged'))
            );
            CREATE UNIQUE INDEX team_members_current ON team_members (challenge_id, account_id) WHERE left_at IS NULL;
            CREATE INDEX team_members_by_team ON team_members (team_id) WHERE left_at IS NULL;
            CREATE TABLE team_invitations (
                sha256 TEXT PRIMARY KEY,
                team_id INTEGER NOT NULL REFERENCES teams(id),
                invited_by INTEGER NOT NULL REFERENCES accounts(id),
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                used_at REAL
            );
            CREATE TABLE data_files (
                challenge_id INTEGER NOT NULL REFERENCES challenges(id),
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                byte_count INTEGER NOT NULL,
                stored_at REAL NOT NULL,
                PRIMARY KEY (challenge_id, name)
            );
            """)
    }
}
