package dev.lalaland.bot.quiz;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The claims of the week and month podiums ({@code quiz_podium} in {@code V9__quiz_seasons.sql}):
 * a podium is claimed for its server, period and first day in one statement that does nothing if
 * it was claimed before, and only the caller whose claim went in sends it. What the routine looks
 * for (servers, running nights, claims to recover) is only of the servers in its {@link GuildScope}.
 */
final class PodiumStore {
    private final Database database;
    private final GuildScope scope;

    PodiumStore(Database database, GuildScope scope) {
        this.database = database;
        this.scope = scope;
    }

    /** A claimed podium. */
    record Claim(String guildId, Period period, LocalDate start, String channelId, String nonce, Instant claimedAt) {
    }

    /** Servers of this scope that started a quiz night since {@code since}: the only ones that can have a podium. */
    List<String> serversWithNightsSince(Instant since) {
        return database.read(h -> h.select("SELECT DISTINCT guild_id FROM quiz_night WHERE started_at >= ?"
                + scope.andColumnIsOurs("guild_id") + " ORDER BY guild_id", since.toEpochMilli())
                .mapTo(String.class).list());
    }

    /** Whether a night that started before {@code before} is still running in the server: its points are not in yet. */
    boolean nightRunningFrom(String guildId, Instant before) {
        return database.read(h -> h.select("SELECT 1 FROM quiz_night WHERE guild_id = ? AND status = 'running' "
                + "AND started_at < ? LIMIT 1", guildId, before.toEpochMilli()).mapTo(Integer.class).findFirst()
                .isPresent());
    }

    /** The channel of the server's latest quiz night, leaving out nights that ended because the channel refused the bot. */
    Optional<String> lastNightChannel(String guildId) {
        return database.read(h -> h.select("SELECT channel_id FROM quiz_night WHERE guild_id = ? AND status <> 'failed' "
                + "ORDER BY started_at DESC, id DESC LIMIT 1", guildId).mapTo(String.class).findFirst());
    }

    boolean claimed(String guildId, Period period, LocalDate start) {
        return database.read(h -> h.select("SELECT 1 FROM quiz_podium WHERE guild_id = ? AND period = ? "
                + "AND period_start = ?", guildId, period.id, start.toString()).mapTo(Integer.class).findFirst()
                .isPresent());
    }

    /**
     * Claims the podium of a period: {@code sending} to {@code channelId}, or {@code empty} (channel
     * null) when nobody scored. False if it was claimed already; then nothing may be sent.
     */
    boolean claim(String guildId, Period period, LocalDate start, String channelId, String nonce, Instant now) {
        String status = channelId == null ? "empty" : "sending";
        return database.transaction(h -> h.createUpdate("INSERT INTO quiz_podium (guild_id, period, period_start, "
                        + "status, channel_id, nonce, claimed_at) VALUES (:guild, :period, :start, :status, :channel, "
                        + ":nonce, :at) ON CONFLICT DO NOTHING")
                .bind("guild", guildId).bind("period", period.id).bind("start", start.toString())
                .bind("status", status).bind("channel", channelId).bind("nonce", nonce).bind("at", now.toEpochMilli())
                .execute() == 1);
    }

    /** Discord confirmed the podium ({@code sent}), refused it for good ({@code refused}), or may have it ({@code unknown}). */
    void settle(Claim claim, String status, String messageId) {
        database.transaction(h -> h.createUpdate("UPDATE quiz_podium SET status = :status, message_id = :message "
                        + "WHERE guild_id = :guild AND period = :period AND period_start = :start AND status = 'sending'")
                .bind("status", status).bind("message", messageId).bind("guild", claim.guildId())
                .bind("period", claim.period().id).bind("start", claim.start().toString()).execute());
    }

    /** Claims still {@code sending}: after a restart, the ones Discord never confirmed. */
    List<Claim> sending() {
        return database.read(h -> h.select("SELECT guild_id, period, period_start, channel_id, nonce, claimed_at "
                + "FROM quiz_podium WHERE status = 'sending'" + scope.andColumnIsOurs("guild_id")
                + " ORDER BY claimed_at")
                .map((r, ctx) -> new Claim(r.getString("guild_id"), Period.of(r.getString("period")),
                        LocalDate.parse(r.getString("period_start")), r.getString("channel_id"), r.getString("nonce"),
                        Instant.ofEpochMilli(r.getLong("claimed_at"))))
                .list());
    }

    /** The status of a claim, for tests and diagnostics. */
    Optional<String> status(String guildId, Period period, LocalDate start) {
        return database.read(h -> h.select("SELECT status FROM quiz_podium WHERE guild_id = ? AND period = ? "
                + "AND period_start = ?", guildId, period.id, start.toString()).mapTo(String.class).findFirst());
    }
}
