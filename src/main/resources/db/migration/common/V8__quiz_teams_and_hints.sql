-- Quiz nights played in teams, and hints. The same SQL for both databases (BIGINT is SQLite's
-- INTEGER too). Nights from before this migration were solo nights without hints.
ALTER TABLE quiz_night ADD COLUMN mode TEXT NOT NULL DEFAULT 'solo' CHECK (mode IN ('solo', 'teams'));
ALTER TABLE quiz_night ADD COLUMN team_count INTEGER NOT NULL DEFAULT 0;   -- 2 to 4 in teams mode, else 0
ALTER TABLE quiz_night ADD COLUMN hints INTEGER NOT NULL DEFAULT 0 CHECK (hints IN (0, 1));
-- The opening message (the reply to /quiz start), once a click on it tells the bot its id: its
-- Join buttons are disabled when joining closes.
ALTER TABLE quiz_night ADD COLUMN opening_message_id TEXT;
ALTER TABLE quiz_night ADD COLUMN joins_closed INTEGER NOT NULL DEFAULT 0 CHECK (joins_closed IN (0, 1));

-- One team per member per night: the primary key refuses a second one.
CREATE TABLE quiz_team_member (
    night_id     BIGINT NOT NULL REFERENCES quiz_night (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    team         INTEGER NOT NULL CHECK (team BETWEEN 1 AND 4),
    joined_at    BIGINT NOT NULL,        -- epoch ms
    placed       INTEGER NOT NULL DEFAULT 0 CHECK (placed IN (0, 1)),   -- 1: put on the smallest team by their first answer
    PRIMARY KEY (night_id, user_id)
);

-- One hint per player per question, and which wrong choice it took away.
CREATE TABLE quiz_hint (
    round_id     BIGINT NOT NULL REFERENCES quiz_round (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    removed      INTEGER NOT NULL CHECK (removed BETWEEN 0 AND 3),
    used_at      BIGINT NOT NULL,        -- epoch ms
    PRIMARY KEY (round_id, user_id)
);
