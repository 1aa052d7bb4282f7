package dev.lalaland.bot.report;

import dev.lalaland.bot.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The report tables ({@code V5__question_reports.sql}, in sqlite/ and postgresql/): reports, one
 * per member per question per server, and the questions muted in a server. Each change is one statement; the primary keys
 * make a second report, or a second mute, a no-op that says so.
 */
final class ReportStore {
    private final Database database;

    ReportStore(Database database) {
        this.database = database;
    }

    /** Saves the report; false when this member already reported this question in this server. */
    boolean add(Report r) {
        return database.transaction(h -> h.createUpdate("""
                INSERT INTO question_report (guild_id, question_id, member_id, fact_version, reason, note, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, question_id, member_id) DO NOTHING
                """).bind(0, r.guildId()).bind(1, r.questionId()).bind(2, r.memberId()).bind(3, r.factVersion())
                .bind(4, r.reason().id()).bind(5, r.note()).bind(6, r.reportedAt().toEpochMilli()).execute()) == 1;
    }

    boolean hasReported(String guildId, String memberId, String questionId) {
        return database.read(h -> h.select("SELECT 1 FROM question_report WHERE guild_id = ? AND question_id = ? "
                + "AND member_id = ?", guildId, questionId, memberId).mapTo(Integer.class).findFirst().isPresent());
    }

    /** How many different questions have reports in this server. */
    int reportedQuestions(String guildId) {
        return database.read(h -> h.select("SELECT COUNT(DISTINCT question_id) FROM question_report WHERE guild_id = ?",
                guildId).mapTo(Integer.class).one());
    }

    private record Reported(String questionId, int reports, Instant last) {
    }

    /** The server's reported questions, most reports first (ties: most recently reported first). */
    List<ReportedQuestion> mostReported(String guildId, int limit, int notesEach) {
        return database.read(h -> {
            List<Reported> reported = h.select("""
                    SELECT question_id, COUNT(*) AS reports, MAX(reported_at) AS last_reported_at
                    FROM question_report WHERE guild_id = ?
                    GROUP BY question_id ORDER BY COUNT(*) DESC, MAX(reported_at) DESC, question_id LIMIT ?
                    """, guildId, limit)
                    .map((r, ctx) -> new Reported(r.getString("question_id"), r.getInt("reports"),
                            Instant.ofEpochMilli(r.getLong("last_reported_at"))))
                    .list();
            Set<String> muted = muted(h, guildId);
            List<ReportedQuestion> out = new ArrayList<>();
            for (Reported q : reported) {
                out.add(new ReportedQuestion(q.questionId(), q.reports(), byReason(h, guildId, q.questionId()),
                        notes(h, guildId, q.questionId(), notesEach), q.last(), muted.contains(q.questionId())));
            }
            return out;
        });
    }

    /** Mutes the question in this server; false if it already was. */
    boolean mute(String guildId, String questionId, String memberId, Instant at) {
        return database.transaction(h -> h.execute("""
                INSERT INTO question_mute (guild_id, question_id, muted_by, muted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (guild_id, question_id) DO NOTHING
                """, guildId, questionId, memberId, at.toEpochMilli())) == 1;
    }

    /** Unmutes it; false if it was not muted. */
    boolean unmute(String guildId, String questionId) {
        return database.transaction(h -> h.execute("DELETE FROM question_mute WHERE guild_id = ? AND question_id = ?",
                guildId, questionId)) == 1;
    }

    Set<String> muted(String guildId) {
        return database.read(h -> muted(h, guildId));
    }

    private static Set<String> muted(Handle h, String guildId) {
        return new HashSet<>(h.select("SELECT question_id FROM question_mute WHERE guild_id = ?", guildId)
                .mapTo(String.class).list());
    }

    private static Map<ReportReason, Integer> byReason(Handle h, String guildId, String questionId) {
        Map<ReportReason, Integer> out = new EnumMap<>(ReportReason.class);
        h.select("SELECT reason, COUNT(*) AS reports FROM question_report WHERE guild_id = ? AND question_id = ? "
                        + "GROUP BY reason", guildId, questionId)
                .map((r, ctx) -> Map.entry(r.getString("reason"), r.getInt("reports")))
                .forEach(e -> ReportReason.of(e.getKey()).ifPresent(reason -> out.put(reason, e.getValue())));
        return out;
    }

    private static List<String> notes(Handle h, String guildId, String questionId, int limit) {
        return h.select("SELECT note FROM question_report WHERE guild_id = ? AND question_id = ? "
                + "AND note IS NOT NULL ORDER BY reported_at DESC, member_id LIMIT ?", guildId, questionId, limit)
                .mapTo(String.class).list();
    }
}
