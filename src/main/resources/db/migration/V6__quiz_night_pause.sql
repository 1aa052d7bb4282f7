-- A host can pause a quiz night. While paused the night's open question keeps the time it had
-- left, so a restart during the pause resumes it with that time, not a fresh countdown.
ALTER TABLE quiz_night ADD COLUMN paused_at INTEGER;            -- null: not paused (epoch ms)
ALTER TABLE quiz_night ADD COLUMN paused_left_millis INTEGER;   -- the open question's time left; null between questions
