-- Events and festivals that lasted several days, and events dated by when a source published them:
-- the quiz needs both to never offer a wrong choice that is also right (issue 16).
ALTER TABLE event ADD COLUMN end_date TEXT;
ALTER TABLE event ADD COLUMN date_is TEXT;
ALTER TABLE ceremony ADD COLUMN start_date TEXT;
-- The film's own milestones (premiere, releases, the Oscars): their round anniversaries are special posts.
ALTER TABLE event ADD COLUMN milestone INTEGER NOT NULL DEFAULT 0;
-- The fact tables are filled by the importer; forget the last import so the new columns are filled
-- on the next start even when the fact files did not change.
DELETE FROM fact_import;
