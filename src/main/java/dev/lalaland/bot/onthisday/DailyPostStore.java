package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Decision;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Occurrence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily post's tables ({@code V3__daily_post.sql}): settings, the next due instant, and the
 * per-date claims that make a second post for the same server and local date impossible.
 * Every state change is one transaction; conditional updates make each safe to race with
 * {@code /config} and with a second copy of the same work. The routine's queries (who is due,
 * what is ready, recovery and clean-up) see only the servers of its {@link GuildScope}.
 */
public final class DailyPostStore {
    private final Database database;
    private final GuildScope scope;

    /** For every server, as the bot. */
    public DailyPostStore(Database database) {
        this(database, GuildScope.everyServer());
    }

    /**
     * @param scope the servers whose posts this process plans, sends and recovers: with shard
     *              ranges, those on its own shards only, since another process runs the others and
     *              has their channels in its cache (this one would find them missing and take that
     *              for a lost channel). The claims stay per server and date whoever makes them, so
     *              processes whose ranges overlap still post once.
     */
    public DailyPostStore(Database database, GuildScope scope) {
        this.database = database;
        this.scope = scope;
    }

    // ---- settings, for /config ----

    /** Turns the post on (or changes it), first due at {@code first}; forgets any earlier off reason. */
    public void turnOn(String guildId, String channelId, LocalTime time, ZoneId zone, Occurrence first, Instant now) {
        database.transaction(c -> update(c, """
                INSERT INTO daily_post_config (guild_id, channel_id, post_time, zone, next_due_epoch, next_local_date,
                                               off_reason, updated_epoch)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
                ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, post_time = excluded.post_time,
                    zone = excluded.zone, next_due_epoch = excluded.next_due_epoch,
                    next_local_date = excluded.next_local_date, off_reason = NULL, updated_epoch = excluded.updated_epoch
                """, guildId, channelId, time.toString(), zone.getId(), first.instant().getEpochSecond(),
                first.localDate().toString(), now.getEpochSecond()));
    }

    /** An admin turned the post off. Returns false if it was not on. */
    public boolean turnOff(String guildId, Instant now) {
        return database.transaction(c -> update(c, """
                UPDATE daily_post_config SET next_due_epoch = NULL, next_local_date = NULL, off_reason = NULL,
                    updated_epoch = ? WHERE guild_id = ? AND next_due_epoch IS NOT NULL
                """, now.getEpochSecond(), guildId)) == 1;
    }

    public Optional<DailyPostSettings> settings(String guildId) {
        return database.read(c -> {
            try (PreparedStatement ps = prepare(c, """
                    SELECT channel_id, post_time, zone, next_due_epoch, off_reason FROM daily_post_config
                    WHERE guild_id = ?""", guildId);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long due = rs.getLong(4);
                Instant next = rs.wasNull() ? null : Instant.ofEpochSecond(due);
                return Optional.of(new DailyPostSettings(guildId, rs.getString(1), LocalTime.parse(rs.getString(2)),
                        ZoneId.of(rs.getString(3)), next, rs.getString(5)));
            }
        });
    }

    /** Whether the post of that server and local date has been claimed (sent, or on its way). */
    public boolean claimed(String guildId, LocalDate localDate) {
        return database.read(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT 1 FROM daily_post WHERE guild_id = ? AND local_date = ?",
                    guildId, localDate.toString());
                 ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Whether {@code localDate} in {@code zone} already had its post: one claimed for that date,
     * or any post that went out, or may have, during that day, whatever date it was claimed for
     * (after a change of time zone, yesterday's post in the old zone can fall on today in the new).
     */
    public boolean dayHadItsPost(String guildId, LocalDate localDate, ZoneId zone) {
        long from = localDate.atStartOfDay(zone).toEpochSecond();
        long to = localDate.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return database.read(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT 1 FROM daily_post WHERE guild_id = ? AND (local_date = ? "
                            + "OR (status IN ('queued', 'sending', 'sent', 'unknown') "
                            + "AND attempt_at_epoch >= ? AND attempt_at_epoch < ?)) LIMIT 1",
                    guildId, localDate.toString(), from, to);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    // ---- planning: who is due, and claiming their day ----

    /** A server whose next post is due. */
    public record DuePost(String guildId, LocalTime time, ZoneId zone, LocalDate localDate, long dueEpoch) {
    }

    /** What the scheduler decided for a due server. */
    public record Plan(DuePost due, Decision decision) {
    }

    /** Servers due at or before {@code now}, earliest first: a range scan of the next-due index. */
    public List<DuePost> due(Instant now, int limit) {
        return database.read(c -> {
            List<DuePost> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, """
                    SELECT guild_id, post_time, zone, next_local_date, next_due_epoch FROM daily_post_config
                    WHERE next_due_epoch <= ?""" + scope.andColumnIsOurs("guild_id")
                    + " ORDER BY next_due_epoch LIMIT ?", now.getEpochSecond(), limit);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DuePost(rs.getString(1), LocalTime.parse(rs.getString(2)), ZoneId.of(rs.getString(3)),
                            LocalDate.parse(rs.getString(4)), rs.getLong(5)));
                }
            }
            return out;
        });
    }

    /**
     * Applies the plans in one transaction: each server's next post moves on and, when it is to
     * post now, its date is claimed (status queued). A server changed by {@code /config} since it
     * was read keeps its new settings and is left alone. Returns the number of posts claimed.
     */
    public int apply(List<Plan> plans, Instant now) {
        return database.transaction(c -> {
            int claimed = 0;
            try (PreparedStatement advance = c.prepareStatement("""
                    UPDATE daily_post_config SET next_due_epoch = ?, next_local_date = ?
                    WHERE guild_id = ? AND next_due_epoch = ? AND next_local_date = ?""");
                 PreparedStatement claim = c.prepareStatement("""
                    INSERT INTO daily_post (guild_id, local_date, status, attempts, attempt_at_epoch, nonce)
                    VALUES (?, ?, 'queued', 0, ?, ?) ON CONFLICT DO NOTHING""")) {
                for (Plan plan : plans) {
                    DuePost due = plan.due();
                    Occurrence next = plan.decision().next();
                    bind(advance, next.instant().getEpochSecond(), next.localDate().toString(), due.guildId(),
                            due.dueEpoch(), due.localDate().toString());
                    if (advance.executeUpdate() == 1 && plan.decision().postNow()) {
                        bind(claim, due.guildId(), due.localDate().toString(), now.getEpochSecond(),
                                nonce(due.guildId(), due.localDate()));
                        claimed += claim.executeUpdate();
                    }
                }
            }
            return claimed;
        });
    }

    /**
     * The earliest moment there may be work: a next post or a queued retry. Lets the scheduler
     * sleep until then (capped by its poll interval) instead of polling blindly.
     */
    public Optional<Instant> nextWork() {
        return database.read(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT min(t) FROM ("
                    + "SELECT min(next_due_epoch) AS t FROM daily_post_config WHERE 1" + scope.andColumnIsOurs("guild_id")
                    + " UNION ALL SELECT min(attempt_at_epoch) FROM daily_post WHERE status = 'queued'"
                    + scope.andColumnIsOurs("guild_id") + ")");
                 ResultSet rs = ps.executeQuery()) {
                long t = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochSecond(t));
            }
        });
    }

    // ---- sending ----

    /** A claimed post ready to go, with the server's current settings (the channel may have changed). */
    public record ReadyPost(String guildId, LocalDate localDate, int attempts, String nonce, String factId,
                            String channelId, ZoneId zone, boolean postOn) {
    }

    /** Claimed posts whose time has come, oldest first. */
    public List<ReadyPost> ready(Instant now, int limit) {
        return database.read(c -> {
            List<ReadyPost> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, """
                    SELECT p.guild_id, p.local_date, p.attempts, p.nonce, p.fact_id, c.channel_id, c.zone,
                           c.next_due_epoch IS NOT NULL
                    FROM daily_post p JOIN daily_post_config c ON c.guild_id = p.guild_id
                    WHERE p.status = 'queued' AND p.attempt_at_epoch <= ?""" + scope.andColumnIsOurs("p.guild_id")
                    + " ORDER BY p.attempt_at_epoch LIMIT ?", now.getEpochSecond(), limit);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReadyPost(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getInt(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), ZoneId.of(rs.getString(7)),
                            rs.getBoolean(8)));
                }
            }
            return out;
        });
    }

    /** Records the fact chosen for a post, so a retry shows the same one. */
    public void rememberFact(String guildId, LocalDate localDate, String factId) {
        database.transaction(c -> update(c, "UPDATE daily_post SET fact_id = ? WHERE guild_id = ? AND local_date = ?",
                factId, guildId, localDate.toString()));
    }

    /**
     * Marks a queued post as handed to Discord at {@code now}, counting the attempt. Returns false
     * if it was not queued any more (someone else took it): then it must not be sent. While a post
     * is {@code sending}, {@code attempt_at_epoch} is when it was handed over.
     */
    public boolean markSending(String guildId, LocalDate localDate, Instant now) {
        return database.transaction(c -> update(c, """
                UPDATE daily_post SET status = 'sending', attempts = attempts + 1, attempt_at_epoch = ?
                WHERE guild_id = ? AND local_date = ? AND status = 'queued'""",
                now.getEpochSecond(), guildId, localDate.toString())) == 1;
    }

    public void markSent(String guildId, LocalDate localDate, String messageId) {
        database.transaction(c -> update(c, """
                UPDATE daily_post SET status = 'sent', message_id = ?, last_error = NULL
                WHERE guild_id = ? AND local_date = ? AND status = 'sending'""", messageId, guildId, localDate.toString()));
    }

    /** A passing failure: queue the post again, not before {@code at}. */
    public void retryAt(String guildId, LocalDate localDate, Instant at, String error) {
        database.transaction(c -> update(c, """
                UPDATE daily_post SET status = 'queued', attempt_at_epoch = ?, last_error = ?
                WHERE guild_id = ? AND local_date = ? AND status = 'sending'""",
                at.getEpochSecond(), error, guildId, localDate.toString()));
    }

    /** Ends a claimed post without sending it again ({@code failed}, {@code expired}, {@code cancelled}). */
    public void finish(String guildId, LocalDate localDate, PostStatus status, String error) {
        database.transaction(c -> update(c, """
                UPDATE daily_post SET status = ?, last_error = coalesce(?, last_error)
                WHERE guild_id = ? AND local_date = ? AND status IN ('queued', 'sending')""",
                status.column(), error, guildId, localDate.toString()));
    }

    /**
     * Discord refused for good: the post ends {@code refused} and the server's daily post is
     * turned off with the reason kept for {@code /config show}, in one transaction.
     */
    public void refuse(String guildId, LocalDate localDate, String reason, Instant now) {
        database.transaction(c -> {
            update(c, """
                    UPDATE daily_post SET status = 'refused', last_error = ?
                    WHERE guild_id = ? AND local_date = ? AND status IN ('queued', 'sending')""",
                    reason, guildId, localDate.toString());
            return update(c, """
                    UPDATE daily_post_config SET next_due_epoch = NULL, next_local_date = NULL, off_reason = ?,
                        updated_epoch = ? WHERE guild_id = ?""", reason, now.getEpochSecond(), guildId);
        });
    }

    /** Status of one claimed post, for tests and diagnostics. */
    public Optional<PostStatus> status(String guildId, LocalDate localDate) {
        return database.read(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT status FROM daily_post WHERE guild_id = ? AND local_date = ?",
                    guildId, localDate.toString());
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(PostStatus.fromColumn(rs.getString(1))) : Optional.<PostStatus>empty();
            }
        });
    }

    // ---- start-up and housekeeping ----

    /** What start-up did with the posts the last run left {@code sending}. */
    public record InFlight(int sentAgain, int abandoned) {
    }

    /**
     * At start-up, posts left {@code sending} by the previous run may or may not have reached
     * Discord. Those handed over recently enough ({@link Outbox#mayPostAgain}) are queued again at
     * once, with their nonce, so Discord drops the repeat if the first one arrived. The others
     * become {@code unknown} and are never sent again: a missed post is better than a double one.
     */
    public InFlight recoverInFlight(Instant now) {
        long handedOverSince = now.minus(Outbox.REPEATS_DROPPED_WITHIN).getEpochSecond();
        return database.transaction(c -> {
            int again = update(c, """
                    UPDATE daily_post SET status = 'queued', attempt_at_epoch = ?
                    WHERE status = 'sending' AND attempt_at_epoch >= ?""" + scope.andColumnIsOurs("guild_id"),
                    now.getEpochSecond(), handedOverSince);
            int abandoned = update(c, "UPDATE daily_post SET status = 'unknown' WHERE status = 'sending'"
                    + scope.andColumnIsOurs("guild_id"));
            return new InFlight(again, abandoned);
        });
    }

    /** Deletes claims of local dates before {@code cutoff}; they can no longer matter. */
    public int forgetBefore(LocalDate cutoff) {
        return database.transaction(c -> update(c, "DELETE FROM daily_post WHERE local_date < ?"
                + scope.andColumnIsOurs("guild_id"), cutoff.toString()));
    }

    /**
     * The nonce Discord receives with every attempt of one post (at most 25 characters). Discord
     * drops a message whose nonce it saw from the same bot in the last few minutes, which covers
     * a retry after a timeout that did in fact post.
     */
    static String nonce(String guildId, LocalDate localDate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("daily-post/" + guildId + "/" + localDate).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (hash[i] & 0xFF);
            }
            return "otd" + Long.toUnsignedString(bits, 36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, params);
        return ps;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }
}
