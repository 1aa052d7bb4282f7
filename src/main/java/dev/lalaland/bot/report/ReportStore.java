package dev.lalaland.bot.report;

import dev.lalaland.bot.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report tables ({@code V5__question_reports.sql}): reports, one per member per question per
 * server, and the questions muted in a server. Each change is one statement; the primary keys
 * make a second report, or a second mute, a no-op that says so.
 */
final class ReportStore {
    private final Database database;

    ReportStore(Database database) {
        this.database = database;
    }

    /** Saves the report; false when this member already reported this question in this server. */
    boolean add(Report r) {
        return database.transaction(c -> update(c, """
                INSERT INTO question_report (guild_id, question_id, member_id, fact_version, reason, note, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, question_id, member_id) DO NOTHING
                """, r.guildId(), r.questionId(), r.memberId(), r.factVersion(), r.reason().id(), r.note(),
                r.reportedAt().toEpochMilli())) == 1;
    }

    boolean hasReported(String guildId, String memberId, String questionId) {
        return database.read(c -> exists(c, "SELECT 1 FROM question_report WHERE guild_id = ? AND question_id = ? "
                + "AND member_id = ?", guildId, questionId, memberId));
    }

    /** How many different questions have reports in this server. */
    int reportedQuestions(String guildId) {
        return database.read(c -> {
            try (ResultSet rs = prepare(c, "SELECT COUNT(DISTINCT question_id) FROM question_report WHERE guild_id = ?",
                    guildId).executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** The server's reported questions, most reports first (ties: most recently reported first). */
    List<ReportedQuestion> mostReported(String guildId, int limit, int notesEach) {
        return database.read(c -> {
            List<String> ids = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            List<Instant> lasts = new ArrayList<>();
            try (ResultSet rs = prepare(c, """
                    SELECT question_id, COUNT(*), MAX(reported_at) FROM question_report WHERE guild_id = ?
                    GROUP BY question_id ORDER BY COUNT(*) DESC, MAX(reported_at) DESC, question_id LIMIT ?
                    """, guildId, limit).executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    counts.add(rs.getInt(2));
                    lasts.add(Instant.ofEpochMilli(rs.getLong(3)));
                }
            }
            Set<String> muted = muted(c, guildId);
            List<ReportedQuestion> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                out.add(new ReportedQuestion(id, counts.get(i), byReason(c, guildId, id),
                        notes(c, guildId, id, notesEach), lasts.get(i), muted.contains(id)));
            }
            return out;
        });
    }

    /** Mutes the question in this server; false if it already was. */
    boolean mute(String guildId, String questionId, String memberId, Instant at) {
        return database.transaction(c -> update(c, """
                INSERT INTO question_mute (guild_id, question_id, muted_by, muted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (guild_id, question_id) DO NOTHING
                """, guildId, questionId, memberId, at.toEpochMilli())) == 1;
    }

    /** Unmutes it; false if it was not muted. */
    boolean unmute(String guildId, String questionId) {
        return database.transaction(c -> update(c, "DELETE FROM question_mute WHERE guild_id = ? AND question_id = ?",
                guildId, questionId)) == 1;
    }

    Set<String> muted(String guildId) {
        return database.read(c -> muted(c, guildId));
    }

    private Set<String> muted(Connection c, String guildId) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = prepare(c, "SELECT question_id FROM question_mute WHERE guild_id = ?", guildId)
                .executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private Map<ReportReason, Integer> byReason(Connection c, String guildId, String questionId) throws SQLException {
        Map<ReportReason, Integer> out = new EnumMap<>(ReportReason.class);
        try (ResultSet rs = prepare(c, "SELECT reason, COUNT(*) FROM question_report WHERE guild_id = ? "
                + "AND question_id = ? GROUP BY reason", guildId, questionId).executeQuery()) {
            while (rs.next()) {
                int n = rs.getInt(2);
                ReportReason.of(rs.getString(1)).ifPresent(r -> out.put(r, n));
            }
        }
        return out;
    }

    private List<String> notes(Connection c, String guildId, String questionId, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = prepare(c, "SELECT note FROM question_report WHERE guild_id = ? AND question_id = ? "
                + "AND note IS NOT NULL ORDER BY reported_at DESC, member_id LIMIT ?", guildId, questionId, limit)
                .executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (ResultSet rs = prepare(c, sql, params).executeQuery()) {
            return rs.next();
        }
    }

    private int update(Connection c, String sql, Object... params) throws SQLException {
        return prepare(c, sql, params).executeUpdate();
    }

    /** The database's kept statement for {@code sql}, with these parameters; not to be closed. */
    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = database.statement(c, sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
