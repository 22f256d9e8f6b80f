-- PostgresStore.claimJobs (limit 1) and record of a failed result, as the adapter sends them, for pgbench
-- (scripts/bench/postgres); the schema comes from the connection's search_path. Constants stand for the binds.
WITH given_up AS (
    UPDATE jobs SET state = 'failed', finished_at = extract(epoch FROM now()), failure_reason = 'gave up'
    WHERE id = ANY(ARRAY(SELECT id FROM jobs WHERE kind = 'score' AND state = 'running' AND lease_until < extract(epoch FROM now()) AND attempts >= 3
                         FOR UPDATE SKIP LOCKED))
    RETURNING submission_id),
failed AS (
    UPDATE submissions SET status = 'failed', failure = 'x'
    WHERE id = ANY(ARRAY(SELECT submission_id FROM given_up)) AND status IN ('queued', 'scoring')),
claimed AS (
    UPDATE jobs SET state = 'running', worker = 'w' || :client_id, attempts = attempts + 1, lease_until = extract(epoch FROM now()) + 300
    WHERE id = ANY(ARRAY(
        SELECT id FROM jobs
        WHERE kind = 'score' AND state IN ('queued', 'running')
          AND (state = 'queued' OR (lease_until < extract(epoch FROM now()) AND attempts < 3))
        ORDER BY id LIMIT (SELECT 1)
        FOR UPDATE SKIP LOCKED))
    RETURNING id, submission_id, attempts, payload),
scoring AS (
    UPDATE submissions SET status = 'scoring'
    WHERE id = ANY(ARRAY(SELECT submission_id FROM claimed)) AND status = 'queued'
      AND id <> ALL(ARRAY(SELECT submission_id FROM given_up)))
SELECT id AS job, attempts FROM claimed ORDER BY id \gset
WITH finished AS (
    UPDATE jobs SET state = 'failed', finished_at = extract(epoch FROM now()), failure_reason = COALESCE(NULL, failure_reason)
    WHERE id = :job AND worker = 'w' || :client_id AND attempts = :attempts AND state = 'running'
    RETURNING submission_id),
marked AS (
    UPDATE submissions SET status = 'failed', failure = 'claim benchmark'
    WHERE id IN (SELECT submission_id FROM finished))
SELECT COUNT(*) AS n FROM finished;
