-- Which bot process runs a night's timers, and until when: a lease that its owner renews while it
-- runs the night. Every change a timer makes (ask, close, end) is written only where owner_id is
-- the writer's, and another process takes a night over, with one conditional UPDATE, only once
-- lease_until (epoch milliseconds) has passed. Rows from before this migration have no owner: the
-- first process to look takes them, as a restart did.
ALTER TABLE quiz_night ADD COLUMN owner_id TEXT;
ALTER TABLE quiz_night ADD COLUMN lease_until BIGINT;
