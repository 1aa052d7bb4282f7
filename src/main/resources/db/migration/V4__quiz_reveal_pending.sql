-- A question's reveal is posted after the round is closed and scored. Until Discord confirms the
-- post, the round says so, and a restart posts it again with the same nonce (Discord drops a
-- repeat it has seen in the last few minutes), so a crash between closing and posting does not
-- lose the answer. Rounds closed before this migration had their reveal posted already: 0.
ALTER TABLE quiz_round ADD COLUMN reveal_pending INTEGER NOT NULL DEFAULT 0 CHECK (reveal_pending IN (0, 1));
CREATE INDEX quiz_round_reveal_pending ON quiz_round (id) WHERE reveal_pending = 1;
