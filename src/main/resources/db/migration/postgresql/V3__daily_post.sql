-- PostgreSQL's copy of sqlite/V3__daily_post.sql: epoch seconds are BIGINT.
-- The daily "on this day" post. Server state: no foreign keys to the fact tables, which are
-- replaced whenever the data files change.

-- One row per server that has ever turned the post on. The settings stay when it is off, so
-- /config show can say what it was and, if the bot turned it off itself, why.
CREATE TABLE daily_post_config (
    guild_id        TEXT PRIMARY KEY,
    channel_id      TEXT NOT NULL,
    post_time       TEXT NOT NULL,           -- HH:MM, local time
    zone            TEXT NOT NULL,           -- IANA zone id
    next_due_epoch  BIGINT ,                 -- epoch second of the next post; NULL means off
    next_local_date TEXT,                    -- YYYY-MM-DD: the local date that post is for
    off_reason      TEXT,                    -- set when the bot turned the post off itself
    updated_epoch   BIGINT  NOT NULL,
    CHECK ((next_due_epoch IS NULL) = (next_local_date IS NULL))
);
-- The scheduler asks "who is due?" every few seconds: an index range scan, never a table scan.
CREATE INDEX daily_post_config_by_next_due ON daily_post_config (next_due_epoch);

-- One row per server per local date whose post was claimed. The primary key is the guarantee
-- of at most one post per server per local date: the claim is inserted in the same transaction
-- that moves next_due on, before anything is sent, and a second claim of the date is ignored.
--   queued    claimed, not yet handed to Discord (also: waiting for a retry after a passing failure)
--   sending   handed to Discord, outcome not yet known
--   sent      Discord accepted it (message_id)
--   unknown   was 'sending' when the bot stopped: maybe posted, so never sent again
--   failed    passing failures until the retries ran out
--   refused   Discord (or the pre-send permission check) refused for good; the post was turned off
--   expired   the local date ended before it could go out
--   cancelled the post was turned off between the claim and the send
CREATE TABLE daily_post (
    guild_id         TEXT NOT NULL,
    local_date       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN
                         ('queued', 'sending', 'sent', 'unknown', 'failed', 'refused', 'expired', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    attempt_at_epoch BIGINT  NOT NULL,       -- while queued: not before this epoch second
    nonce            TEXT NOT NULL,          -- the same on every attempt, so Discord can drop a repeat
    fact_id          TEXT,                   -- the fact of the day chosen for it, reused on a retry
    message_id       TEXT,
    last_error       TEXT,
    PRIMARY KEY (guild_id, local_date)
);
CREATE INDEX daily_post_by_status ON daily_post (status, attempt_at_epoch);

-- Facts a server's daily post has used in the current rotation; emptied when all have been used.
CREATE TABLE daily_fact_used (
    guild_id TEXT NOT NULL,
    fact_id  TEXT NOT NULL,
    PRIMARY KEY (guild_id, fact_id)
);
