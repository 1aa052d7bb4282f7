package dev.lalaland.bot.quiz;

import dev.lalaland.bot.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What the host's control panel keeps (columns in {@code V6__quiz_night_pause.sql}): whether a
 * night is paused and with how much time left, and whether everyone playing has answered. Kept
 * apart from {@link QuizStore} so the pause is one small, self-contained piece of state.
 */
final class NightControlStore {
    private final Database database;

    NightControlStore(Database database) {
        this.database = database;
    }

    /**
     * Pauses a running night that is not paused; an open question is closed to answers from now
     * (its deadline set to {@code at}), so nobody answers while the countdown is stopped.
     * False when the night is not running or already paused.
     */
    boolean pause(long nightId, Instant at, Long openRoundId, Duration questionLeft) {
        // The time left is bound as a typed Long: PostgreSQL wants a type even for its null.
        Long left = questionLeft == null ? null : questionLeft.toMillis();
        return database.transaction(h -> {
            if (h.createUpdate("UPDATE quiz_night SET paused_at = :at, paused_left_millis = :left "
                    + "WHERE id = :night AND status = 'running' AND paused_at IS NULL")
                    .bind("at", at.toEpochMilli()).bind("left", left).bind("night", nightId).execute() == 0) {
                return false;
            }
            if (openRoundId != null) {
                h.execute("UPDATE quiz_round SET closes_at = ? WHERE id = ? AND status = 'open'", at.toEpochMilli(),
                        openRoundId);
            }
            return true;
        });
    }

    /** Ends a pause and says what it was; empty when the night was not paused. */
    Optional<NightPause> resume(long nightId) {
        return database.transaction(h -> {
            Optional<NightPause> pause = paused(h, nightId);
            if (pause.isPresent()) {
                h.execute("UPDATE quiz_night SET paused_at = NULL, paused_left_millis = NULL WHERE id = ?", nightId);
            }
            return pause;
        });
    }

    Optional<NightPause> paused(long nightId) {
        return database.read(h -> paused(h, nightId));
    }

    /**
     * Whether everyone who answered an earlier question of the night has answered this one, and
     * they are at least two (a night's first question never closes early: nobody is known yet).
     */
    boolean everyonePlayingAnswered(long nightId, long roundId) {
        return database.read(h -> h.select("SELECT COUNT(*) AS players, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM "
                        + "quiz_answer a WHERE a.round_id = ? AND a.user_id = p.user_id) THEN 0 ELSE 1 END), 0) AS waiting "
                        + "FROM quiz_player p WHERE p.night_id = ?", roundId, nightId)
                .map((r, ctx) -> r.getInt("players") >= 2 && r.getInt("waiting") == 0)
                .one());
    }

    private static Optional<NightPause> paused(Handle h, long nightId) {
        return h.select("SELECT paused_at, paused_left_millis FROM quiz_night WHERE id = ? AND paused_at IS NOT NULL",
                        nightId)
                .map((r, ctx) -> {
                    Instant at = Instant.ofEpochMilli(r.getLong("paused_at"));
                    long left = r.getLong("paused_left_millis");
                    return new NightPause(at, r.wasNull() ? null : Duration.ofMillis(left));
                })
                .findFirst();
    }
}
