-- Quiz state: nights, the questions asked (rounds), answers, night scores, the all-time
-- leaderboard and which questions each server has seen. Written as things happen, so a restart
-- loses nothing. Nothing here references the fact tables: those are replaced whenever the data
-- files change, and each round keeps its own copy of the question as it was asked.
-- Times are epoch milliseconds.

CREATE TABLE quiz_night (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id       TEXT NOT NULL,
    channel_id     TEXT NOT NULL,
    host_id        TEXT NOT NULL,
    host_name      TEXT NOT NULL,
    question_count INTEGER NOT NULL CHECK (question_count BETWEEN 1 AND 50),
    seconds        INTEGER NOT NULL,
    round_millis   INTEGER NOT NULL,        -- how long each question really stays open
    category       TEXT,                    -- null: any
    difficulty     TEXT,                    -- null: any
    status         TEXT NOT NULL CHECK (status IN ('running', 'finished', 'stopped', 'failed')),
    started_at     INTEGER NOT NULL,
    ended_at       INTEGER
);
-- At most one running night per channel, whatever races the bot gets into.
CREATE UNIQUE INDEX quiz_night_running_in_channel ON quiz_night (channel_id) WHERE status = 'running';

CREATE TABLE quiz_round (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    night_id    INTEGER REFERENCES quiz_night (id) ON DELETE CASCADE,   -- null: a practice question
    number      INTEGER NOT NULL,
    guild_id    TEXT,
    channel_id  TEXT NOT NULL,
    question_id TEXT NOT NULL,
    category    TEXT NOT NULL,
    difficulty  TEXT NOT NULL,
    question    TEXT NOT NULL,
    choices     TEXT NOT NULL,                -- JSON array of 4
    answer      INTEGER NOT NULL,
    explanation TEXT NOT NULL,
    sources     TEXT NOT NULL,                -- JSON array
    message_id  TEXT,                         -- the message showing it, once known
    opens_at    INTEGER NOT NULL,
    closes_at   INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    UNIQUE (night_id, number)
);
CREATE INDEX quiz_round_open ON quiz_round (status) WHERE status = 'open';

-- One answer per player per question: the primary key makes a double click count once.
CREATE TABLE quiz_answer (
    round_id     INTEGER NOT NULL REFERENCES quiz_round (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    choice       INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 3),
    answered_at  INTEGER NOT NULL,
    points       INTEGER NOT NULL DEFAULT 0,  -- set when the round closes
    PRIMARY KEY (round_id, user_id)
);

CREATE TABLE quiz_player (
    night_id     INTEGER NOT NULL REFERENCES quiz_night (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    score        INTEGER NOT NULL DEFAULT 0,
    correct      INTEGER NOT NULL DEFAULT 0,
    streak       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (night_id, user_id)
);

CREATE TABLE quiz_leaderboard (
    guild_id     TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    points       INTEGER NOT NULL,
    correct      INTEGER NOT NULL,
    nights       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX quiz_leaderboard_by_points ON quiz_leaderboard (guild_id, points DESC);

CREATE TABLE quiz_seen (
    scope        TEXT NOT NULL,               -- the server's id ('channel:<id>' outside servers)
    question_id  TEXT NOT NULL,
    last_seen_at INTEGER NOT NULL,
    PRIMARY KEY (scope, question_id)
);
