-- A host can pause a quiz night. While paused the night's open question keeps the time it had
-- left, so a restart during the pause resumes it with that time, not a fresh countdown.
-- PostgreSQL's copy of sqlite/V6, with BIGINT times (PostgreSQL's INTEGER is 32 bits); the
-- SQLite file stays as first released so that databases that applied it keep its checksum.
ALTER TABLE quiz_night ADD COLUMN paused_at BIGINT;            -- null: not paused (epoch ms)
ALTER TABLE quiz_night ADD COLUMN paused_left_millis BIGINT;   -- the open question's time left; null between questions
