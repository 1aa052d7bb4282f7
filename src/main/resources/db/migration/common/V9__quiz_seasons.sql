-- Week and month leaderboards, player profiles, and the podium posted when a week or month ends.

-- Week and month boards add up the points of the answers still stored (ended nights are kept 40
-- days: the longest month, the day its podium may be late, and a night that ran across its start).
-- This finds a server's questions by when they were asked.
CREATE INDEX quiz_round_guild_opened ON quiz_round (guild_id, opens_at);

-- A player's record in a server for /quiz profile, credited as each night ends and kept when the
-- night is deleted. nights: the nights they answered at least once in. best_streak: the most right
-- answers in a row in one night.
CREATE TABLE quiz_profile (
    guild_id     TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    nights       INTEGER NOT NULL,
    answers      INTEGER NOT NULL,
    correct      INTEGER NOT NULL,
    points       BIGINT NOT NULL,
    best_streak  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

CREATE TABLE quiz_profile_category (
    guild_id TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    category TEXT NOT NULL,
    answers  INTEGER NOT NULL,
    correct  INTEGER NOT NULL,
    points   BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id, category)
);

-- The nights still stored when this was added count towards profiles; older ones are deleted and
-- only their all-time points remain (quiz_leaderboard). Their best streaks are not worked out here.
INSERT INTO quiz_profile (guild_id, user_id, display_name, nights, answers, correct, points, best_streak)
SELECT n.guild_id, a.user_id, MAX(a.display_name), COUNT(DISTINCT n.id), COUNT(*),
       SUM(CASE WHEN a.choice = r.answer THEN 1 ELSE 0 END), SUM(a.points), 0
FROM quiz_answer a JOIN quiz_round r ON r.id = a.round_id JOIN quiz_night n ON n.id = r.night_id
WHERE n.status <> 'running'
GROUP BY n.guild_id, a.user_id;

INSERT INTO quiz_profile_category (guild_id, user_id, category, answers, correct, points)
SELECT n.guild_id, a.user_id, r.category, COUNT(*), SUM(CASE WHEN a.choice = r.answer THEN 1 ELSE 0 END),
       SUM(a.points)
FROM quiz_answer a JOIN quiz_round r ON r.id = a.round_id JOIN quiz_night n ON n.id = r.night_id
WHERE n.status <> 'running'
GROUP BY n.guild_id, a.user_id, r.category;

-- A week's or month's final podium, claimed (in the same transaction that checks it is not yet
-- claimed) before it is sent: the primary key allows one per server and period.
--   sending  handed to Discord, not yet confirmed
--   sent     Discord accepted it (message_id)
--   unknown  was sending when the bot stopped too long ago to send again safely: never sent again
--   empty    nobody scored in the period: nothing posted
--   refused  Discord refused it for good (no access to the channel)
CREATE TABLE quiz_podium (
    guild_id     TEXT NOT NULL,
    period       TEXT NOT NULL CHECK (period IN ('week', 'month')),
    period_start TEXT NOT NULL,            -- YYYY-MM-DD: the period's first local day
    status       TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'unknown', 'empty', 'refused')),
    channel_id   TEXT,
    nonce        TEXT NOT NULL,            -- the same on every attempt, so Discord can drop a repeat
    claimed_at   BIGINT NOT NULL,          -- epoch ms
    message_id   TEXT,
    PRIMARY KEY (guild_id, period, period_start)
);
CREATE INDEX quiz_podium_sending ON quiz_podium (status) WHERE status = 'sending';

-- Why a question closed before its time (skipped, everyone answered), so its reveal says so when
-- it is posted again after a restart.
ALTER TABLE quiz_round ADD COLUMN close_note TEXT;
-- Why a night ended when not by its last question, a stop or a failure: 'paused' (left paused too long).
ALTER TABLE quiz_night ADD COLUMN end_reason TEXT;
