-- The raw SKIP LOCKED pattern: one claim and its completion, each a statement on its own (autocommit).
WITH c AS (SELECT id FROM bench_raw.jobs WHERE state = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
UPDATE bench_raw.jobs j SET state = 'running', worker = 'raw-' || :client_id, attempts = j.attempts + 1,
    lease_until = extract(epoch FROM now()) + 300
FROM c WHERE j.id = c.id RETURNING j.id AS job \gset
UPDATE bench_raw.jobs SET state = 'done', finished_at = extract(epoch FROM now()) WHERE id = :job;
