-- Players' reports of quiz questions, and the questions a server's admins muted after reading
-- them. Server state: never touched by a fact import. Questions are named by their stable id
-- (see Question), not by a foreign key, since a data change may drop a question.

-- One report per member per question per server: the primary key refuses a second.
CREATE TABLE question_report (
    guild_id     TEXT NOT NULL,
    question_id  TEXT NOT NULL,
    member_id    TEXT NOT NULL,
    fact_version TEXT NOT NULL,          -- fact_import.checksum when reported
    reason       TEXT NOT NULL CHECK (reason IN ('wrong-answer', 'two-right-answers', 'unclear', 'typo')),
    note         TEXT,
    reported_at  INTEGER NOT NULL,       -- epoch milliseconds
    PRIMARY KEY (guild_id, question_id, member_id)
);

-- A muted question is not asked in that server again, in practice or in a quiz night.
CREATE TABLE question_mute (
    guild_id     TEXT NOT NULL,
    question_id  TEXT NOT NULL,
    muted_by     TEXT NOT NULL,
    muted_at     INTEGER NOT NULL,       -- epoch milliseconds
    PRIMARY KEY (guild_id, question_id)
);
