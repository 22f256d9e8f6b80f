-- The raw pattern's queue: a table of the jobs table's shape and index, :jobs queued rows, made afresh every run.
CREATE SCHEMA IF NOT EXISTS bench_raw;
DROP TABLE IF EXISTS bench_raw.jobs;
CREATE TABLE bench_raw.jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    worker TEXT,
    lease_until DOUBLE PRECISION,
    created_at DOUBLE PRECISION NOT NULL,
    finished_at DOUBLE PRECISION);
CREATE INDEX jobs_by_state ON bench_raw.jobs (state, id);
INSERT INTO bench_raw.jobs (submission_id, state, created_at)
SELECT g % 250, 'queued', extract(epoch FROM now()) FROM generate_series(1, :jobs) g;
VACUUM ANALYZE bench_raw.jobs;
