-- A question's reveal is posted after the round is closed and scored, a night's final standings
-- after it has ended. Until Discord confirms such a post, the row says so, and a restart posts it
-- again with the same nonce (Discord drops a repeat it has seen in the last few minutes), so a
-- crash between saving and posting does not lose it. Rows from before this migration had their
-- posts sent already: 0.
ALTER TABLE quiz_round ADD COLUMN reveal_pending INTEGER NOT NULL DEFAULT 0 CHECK (reveal_pending IN (0, 1));
CREATE INDEX quiz_round_reveal_pending ON quiz_round (id) WHERE reveal_pending = 1;
ALTER TABLE quiz_night ADD COLUMN end_post_pending INTEGER NOT NULL DEFAULT 0 CHECK (end_post_pending IN (0, 1));
-- Closed practice questions are deleted after a while (QuizStore.forgetClosedBefore), daily: this
-- finds them without reading every question.
CREATE INDEX quiz_round_practice_closed ON quiz_round (closes_at)
    WHERE night_id IS NULL AND status = 'closed' AND reveal_pending = 0;
