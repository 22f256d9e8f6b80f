extension PostgresMigrations {
    /// Accounts, their links, participant tokens, terms, access requests, team memberships and invitations, data files
    /// (see the SQLite migration of the same name). PostgreSQL can change a CHECK constraint, so `tokens` is altered
    /// in place: the role check the first migration left unnamed (PostgreSQL named it `tokens_role_check`) is replaced.
    static let accounts: [String] = [
        """
        CREATE TABLE accounts (
            id \(identity),
            email TEXT NOT NULL,
            email_key TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            verified_at DOUBLE PRECISION)
        """,
        """
        CREATE TABLE account_links (
            sha256 TEXT PRIMARY KEY,
            account_id BIGINT NOT NULL REFERENCES accounts(id),
            purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
            created_at DOUBLE PRECISION NOT NULL,
            expires_at DOUBLE PRECISION NOT NULL,
            used_at DOUBLE PRECISION)
        """,
        "CREATE INDEX account_links_by_account ON account_links (account_id, purpose)",
        "ALTER TABLE tokens DROP CONSTRAINT tokens_role_check",
        "ALTER TABLE tokens ADD CONSTRAINT tokens_role_check CHECK (role IN ('organiser', 'team', 'annotator', 'participant'))",
        "ALTER TABLE tokens ADD COLUMN account_id BIGINT REFERENCES accounts(id)",
        "ALTER TABLE tokens ADD COLUMN purpose TEXT NOT NULL DEFAULT 'api' CHECK (purpose IN ('api', 'browser'))",
        "ALTER TABLE tokens ADD CONSTRAINT tokens_participant_account CHECK ((role = 'participant') = (account_id IS NOT NULL))",
        "CREATE INDEX tokens_by_account ON tokens (account_id, purpose)",
        """
        CREATE TABLE terms_acceptances (
            id \(identity),
            challenge_id BIGINT NOT NULL REFERENCES challenges(id),
            account_id BIGINT NOT NULL REFERENCES accounts(id),
            rules_sha256 TEXT NOT NULL,
            data_use_sha256 TEXT NOT NULL,
            accepted_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX terms_acceptances_by_account ON terms_acceptances (challenge_id, account_id, id)",
        """
        CREATE TABLE access_requests (
            challenge_id BIGINT NOT NULL REFERENCES challenges(id),
            account_id BIGINT NOT NULL REFERENCES accounts(id),
            affiliation TEXT NOT NULL,
            purpose TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
            requested_at DOUBLE PRECISION NOT NULL,
            decided_at DOUBLE PRECISION,
            PRIMARY KEY (challenge_id, account_id))
        """,
        "ALTER TABLE teams ADD COLUMN merged_into BIGINT REFERENCES teams(id)",
        """
        CREATE TABLE team_members (
            id \(identity),
            challenge_id BIGINT NOT NULL REFERENCES challenges(id),
            team_id BIGINT NOT NULL REFERENCES teams(id),
            account_id BIGINT NOT NULL REFERENCES accounts(id),
            joined_at DOUBLE PRECISION NOT NULL,
            left_at DOUBLE PRECISION,
            left_how TEXT CHECK (left_how IN ('left', 'removed', 'merged')))
        """,
        "CREATE UNIQUE INDEX team_members_current ON team_members (challenge_id, account_id) WHERE left_at IS NULL",
        "CREATE INDEX team_members_by_team ON team_members (team_id) WHERE left_at IS NULL",
        """
        CREATE TABLE team_invitations (
            sha256 TEXT PRIMARY KEY,
            team_id BIGINT NOT NULL REFERENCES teams(id),
            invited_by BIGINT NOT NULL REFERENCES accounts(id),
            created_at DOUBLE PRECISION NOT NULL,
            expires_at DOUBLE PRECISION NOT NULL,
            used_at DOUBLE PRECISION)
        """,
        """
        CREATE TABLE data_files (
            challenge_id BIGINT NOT NULL REFERENCES challenges(id),
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            byte_count BIGINT NOT NULL,
            stored_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (challenge_id, name))
        """,
    ]
}
