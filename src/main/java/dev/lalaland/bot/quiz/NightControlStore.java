package dev.lalaland.bot.quiz;

import dev.lalaland.bot.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
        return database.transaction(c -> {
            if (update(c, "UPDATE quiz_night SET paused_at = ?, paused_left_millis = ? "
                    + "WHERE id = ? AND status = 'running' AND paused_at IS NULL",
                    at.toEpochMilli(), questionLeft == null ? null : questionLeft.toMillis(), nightId) == 0) {
                return false;
            }
            if (openRoundId != null) {
                update(c, "UPDATE quiz_round SET closes_at = ? WHERE id = ? AND status = 'open'", at.toEpochMilli(),
                        openRoundId);
            }
            return true;
        });
    }

    /** Ends a pause and says what it was; empty when the night was not paused. */
    Optional<NightPause> resume(long nightId) {
        return database.transaction(c -> {
            Optional<NightPause> pause = paused(c, nightId);
            if (pause.isPresent()) {
                update(c, "UPDATE quiz_night SET paused_at = NULL, paused_left_millis = NULL WHERE id = ?", nightId);
            }
            return pause;
        });
    }

    Optional<NightPause> paused(long nightId) {
        return database.read(c -> paused(c, nightId));
    }

    /**
     * Whether everyone who answered an earlier question of the night has answered this one, and
     * they are at least two (a night's first question never closes early: nobody is known yet).
     */
    boolean everyonePlayingAnswered(long nightId, long roundId) {
        return database.read(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM "
                    + "quiz_answer a WHERE a.round_id = ? AND a.user_id = p.user_id) THEN 0 ELSE 1 END), 0) "
                    + "FROM quiz_player p WHERE p.night_id = ?", roundId, nightId);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) >= 2 && rs.getInt(2) == 0;
            }
        });
    }

    private static Optional<NightPause> paused(Connection c, long nightId) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT paused_at, paused_left_millis FROM quiz_night "
                + "WHERE id = ? AND paused_at IS NOT NULL", nightId);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Instant at = Instant.ofEpochMilli(rs.getLong(1));
            long left = rs.getLong(2);
            return Optional.of(new NightPause(at, rs.wasNull() ? null : Duration.ofMillis(left)));
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
