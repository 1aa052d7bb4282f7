-- The fact store: replaced as a whole from data/*.json whenever the files change.
-- Server state (later migrations) never references these tables with foreign keys,
-- so a data reload can never cascade into scores or settings.

CREATE TABLE person (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('cast', 'crew')),
    sort_order  INTEGER NOT NULL,
    character   TEXT,
    aliases     TEXT NOT NULL,          -- JSON array
    role        TEXT NOT NULL,
    summary     TEXT,
    born        TEXT,                   -- YYYY-MM-DD
    birthplace  TEXT,
    sources     TEXT NOT NULL           -- JSON array
);
CREATE INDEX person_by_kind ON person (kind, sort_order);

CREATE TABLE song (
    id          TEXT PRIMARY KEY,
    track       INTEGER NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    performers  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    music       TEXT,
    lyrics      TEXT,
    length      TEXT,
    scene       TEXT,
    sources     TEXT NOT NULL
);

CREATE TABLE song_performer (
    song_id     TEXT NOT NULL REFERENCES song (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (song_id, person_id)
);
CREATE INDEX song_performer_by_person ON song_performer (person_id);

CREATE TABLE album (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    title        TEXT NOT NULL,
    release_date TEXT NOT NULL,
    label        TEXT NOT NULL,
    length       TEXT,
    producers    TEXT,
    charts       TEXT NOT NULL,
    sources      TEXT NOT NULL
);

CREATE TABLE ceremony (
    id          TEXT PRIMARY KEY,
    grp         TEXT NOT NULL,
    body        TEXT NOT NULL,
    name        TEXT NOT NULL,
    date        TEXT,
    venue       TEXT,
    host        TEXT,
    note        TEXT,
    sort_order  INTEGER NOT NULL,
    sources     TEXT NOT NULL
);
CREATE INDEX ceremony_by_group ON ceremony (grp, sort_order);

CREATE TABLE nomination (
    id          TEXT PRIMARY KEY,
    ceremony_id TEXT NOT NULL REFERENCES ceremony (id) ON DELETE CASCADE,
    sort_order  INTEGER NOT NULL,
    category    TEXT NOT NULL,
    nominee     TEXT NOT NULL,
    song_id     TEXT REFERENCES song (id) ON DELETE CASCADE,
    result      TEXT NOT NULL CHECK (result IN ('won', 'nominated', 'honored')),
    won_by      TEXT,
    note        TEXT,
    sources     TEXT NOT NULL
);
CREATE INDEX nomination_by_ceremony ON nomination (ceremony_id, sort_order);
CREATE INDEX nomination_by_song ON nomination (song_id);

CREATE TABLE nomination_person (
    nomination_id TEXT NOT NULL REFERENCES nomination (id) ON DELETE CASCADE,
    person_id     TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (nomination_id, person_id)
);
CREATE INDEX nomination_person_by_person ON nomination_person (person_id);

CREATE TABLE event (
    id          TEXT PRIMARY KEY,
    date        TEXT NOT NULL,           -- YYYY-MM-DD
    month_day   TEXT NOT NULL,           -- MM-DD, what "on this day" looks up
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    text        TEXT,
    sources     TEXT NOT NULL
);
CREATE INDEX event_by_month_day ON event (month_day, date);

CREATE TABLE fact (
    id          TEXT PRIMARY KEY,
    sort_order  INTEGER NOT NULL,
    category    TEXT NOT NULL,
    text        TEXT NOT NULL,
    sources     TEXT NOT NULL
);

CREATE TABLE written_question (
    id          TEXT PRIMARY KEY,
    sort_order  INTEGER NOT NULL,
    category    TEXT NOT NULL,
    difficulty  TEXT NOT NULL,
    question    TEXT NOT NULL,
    choices     TEXT NOT NULL,           -- JSON array of 4
    answer      INTEGER NOT NULL,
    explanation TEXT NOT NULL,
    sources     TEXT NOT NULL
);

-- Which version of the data files the tables hold, so an unchanged restart skips the import.
CREATE TABLE fact_import (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    checksum    TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
