-- Queues every job of an Arbiter schema again, for another pgbench run of arbiter-claim.sql.
UPDATE jobs SET state = 'queued', attempts = 0, worker = NULL, lease_until = NULL, finished_at = NULL;
UPDATE submissions SET status = 'queued';
VACUUM ANALYZE jobs;
VACUUM ANALYZE submissions;
