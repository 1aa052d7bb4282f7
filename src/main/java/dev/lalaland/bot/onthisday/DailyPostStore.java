package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Decision;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Occurrence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

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
        database.transaction(h -> h.execute("""
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
        return database.transaction(h -> h.execute("""
                UPDATE daily_post_config SET next_due_epoch = NULL, next_local_date = NULL, off_reason = NULL,
                    updated_epoch = ? WHERE guild_id = ? AND next_due_epoch IS NOT NULL
                """, now.getEpochSecond(), guildId)) == 1;
    }

    public Optional<DailyPostSettings> settings(String guildId) {
        return database.read(h -> h.select("""
                SELECT channel_id, post_time, zone, next_due_epoch, off_reason FROM daily_post_config
                WHERE guild_id = ?""", guildId)
                .map((r, ctx) -> {
                    long due = r.getLong("next_due_epoch");
                    Instant next = r.wasNull() ? null : Instant.ofEpochSecond(due);
                    return new DailyPostSettings(guildId, r.getString("channel_id"),
                            LocalTime.parse(r.getString("post_time")), ZoneId.of(r.getString("zone")), next,
                            r.getString("off_reason"));
                })
                .findFirst());
    }

    /** Whether the post of that server and local date has been claimed (sent, or on its way). */
    public boolean claimed(String guildId, LocalDate localDate) {
        return database.read(h -> h.select("SELECT 1 FROM daily_post WHERE guild_id = ? AND local_date = ?",
                guildId, localDate.toString()).mapTo(Integer.class).findFirst().isPresent());
    }

    /**
     * Whether {@code localDate} in {@code zone} already had its post: one claimed for that date,
     * or any post that went out, or may have, during that day, whatever date it was claimed for
     * (after a change of time zone, yesterday's post in the old zone can fall on today in the new).
     */
    public boolean dayHadItsPost(String guildId, LocalDate localDate, ZoneId zone) {
        long from = localDate.atStartOfDay(zone).toEpochSecond();
        long to = localDate.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return database.read(h -> h.select("SELECT 1 FROM daily_post WHERE guild_id = ? AND (local_date = ? "
                        + "OR (status IN ('queued', 'sending', 'sent', 'unknown') "
                        + "AND attempt_at_epoch >= ? AND attempt_at_epoch < ?)) LIMIT 1",
                guildId, localDate.toString(), from, to).mapTo(Integer.class).findFirst().isPresent());
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
        return database.read(h -> h.select("""
                SELECT guild_id, post_time, zone, next_local_date, next_due_epoch FROM daily_post_config
                WHERE next_due_epoch <= ?""" + scope.andColumnIsOurs("guild_id")
                + " ORDER BY next_due_epoch LIMIT ?", now.getEpochSecond(), limit)
                .map((r, ctx) -> new DuePost(r.getString("guild_id"), LocalTime.parse(r.getString("post_time")),
                        ZoneId.of(r.getString("zone")), LocalDate.parse(r.getString("next_local_date")),
                        r.getLong("next_due_epoch")))
                .list());
    }

    /**
     * Applies the plans in one transaction: each server's next post moves on and, when it is to
     * post now, its date is claimed (status queued). A server changed by {@code /config} since it
     * was read keeps its new settings and is left alone. Returns the number of posts claimed.
     */
    public int apply(List<Plan> plans, Instant now) {
        return database.transaction(h -> {
            // Two statements per server, each run once for all of them: the claims only for the
            // servers whose advance went through, so the advance runs first.
            PreparedBatch advance = h.prepareBatch("""
                    UPDATE daily_post_config SET next_due_epoch = ?, next_local_date = ?
                    WHERE guild_id = ? AND next_due_epoch = ? AND next_local_date = ?""");
            for (Plan plan : plans) {
                DuePost due = plan.due();
                Occurrence next = plan.decision().next();
                advance.add(next.instant().getEpochSecond(), next.localDate().toString(), due.guildId(),
                        due.dueEpoch(), due.localDate().toString());
            }
            int[] advanced = plans.isEmpty() ? new int[0] : advance.execute();
            PreparedBatch claim = h.prepareBatch("""
                    INSERT INTO daily_post (guild_id, local_date, status, attempts, attempt_at_epoch, nonce)
                    VALUES (?, ?, 'queued', 0, ?, ?) ON CONFLICT DO NOTHING""");
            for (int i = 0; i < plans.size(); i++) {
                DuePost due = plans.get(i).due();
                if (advanced[i] == 1 && plans.get(i).decision().postNow()) {
                    claim.add(due.guildId(), due.localDate().toString(), now.getEpochSecond(),
                            nonce(due.guildId(), due.localDate()));
                }
            }
            int claimed = 0;
            if (claim.size() > 0) {
                for (int inserted : claim.execute()) {
                    claimed += inserted;
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
        return database.read(h -> h.select("SELECT min(t) AS t FROM ("
                + "SELECT min(next_due_epoch) AS t FROM daily_post_config WHERE TRUE" + scope.andColumnIsOurs("guild_id")
                + " UNION ALL SELECT min(attempt_at_epoch) FROM daily_post WHERE status = 'queued'"
                + scope.andColumnIsOurs("guild_id") + ") AS work")
                .map((r, ctx) -> {
                    long t = r.getLong("t");
                    return r.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochSecond(t));
                })
                .one());
    }

    // ---- sending ----

    /** A claimed post ready to go, with the server's current settings (the channel may have changed). */
    public record ReadyPost(String guildId, LocalDate localDate, int attempts, String nonce, String factId,
                            String channelId, ZoneId zone, boolean postOn) {
    }

    /** Claimed posts whose time has come, oldest first. */
    public List<ReadyPost> ready(Instant now, int limit) {
        return database.read(h -> h.select("""
                SELECT p.guild_id, p.local_date, p.attempts, p.nonce, p.fact_id, c.channel_id, c.zone,
                       c.next_due_epoch IS NOT NULL AS post_on
                FROM daily_post p JOIN daily_post_config c ON c.guild_id = p.guild_id
                WHERE p.status = 'queued' AND p.attempt_at_epoch <= ?""" + scope.andColumnIsOurs("p.guild_id")
                + " ORDER BY p.attempt_at_epoch LIMIT ?", now.getEpochSecond(), limit)
                .map((r, ctx) -> new ReadyPost(r.getString("guild_id"), LocalDate.parse(r.getString("local_date")),
                        r.getInt("attempts"), r.getString("nonce"), r.getString("fact_id"), r.getString("channel_id"),
                        ZoneId.of(r.getString("zone")), r.getBoolean("post_on")))
                .list());
    }

    /** Records the fact chosen for a post, so a retry shows the same one. */
    public void rememberFact(String guildId, LocalDate localDate, String factId) {
        database.transaction(h -> h.execute("UPDATE daily_post SET fact_id = ? WHERE guild_id = ? AND local_date = ?",
                factId, guildId, localDate.toString()));
    }

    /**
     * Marks a queued post as handed to Discord at {@code now}, counting the attempt. Returns false
     * if it was not queued any more (someone else took it): then it must not be sent. While a post
     * is {@code sending}, {@code attempt_at_epoch} is when it was handed over.
     */
    public boolean markSending(String guildId, LocalDate localDate, Instant now) {
        return database.transaction(h -> h.execute("""
                UPDATE daily_post SET status = 'sending', attempts = attempts + 1, attempt_at_epoch = ?
                WHERE guild_id = ? AND local_date = ? AND status = 'queued'""",
                now.getEpochSecond(), guildId, localDate.toString())) == 1;
    }

    public void markSent(String guildId, LocalDate localDate, String messageId) {
        database.transaction(h -> h.execute("""
                UPDATE daily_post SET status = 'sent', message_id = ?, last_error = NULL
                WHERE guild_id = ? AND local_date = ? AND status = 'sending'""", messageId, guildId, localDate.toString()));
    }

    /** A passing failure: queue the post again, not before {@code at}. */
    public void retryAt(String guildId, LocalDate localDate, Instant at, String error) {
        database.transaction(h -> h.execute("""
                UPDATE daily_post SET status = 'queued', attempt_at_epoch = ?, last_error = ?
                WHERE guild_id = ? AND local_date = ? AND status = 'sending'""",
                at.getEpochSecond(), error, guildId, localDate.toString()));
    }

    /** Ends a claimed post without sending it again ({@code failed}, {@code expired}, {@code cancelled}). */
    public void finish(String guildId, LocalDate localDate, PostStatus status, String error) {
        database.transaction(h -> h.execute("""
                UPDATE daily_post SET status = ?, last_error = coalesce(?, last_error)
                WHERE guild_id = ? AND local_date = ? AND status IN ('queued', 'sending')""",
                status.column(), error, guildId, localDate.toString()));
    }

    /**
     * Discord refused for good: the post ends {@code refused} and the server's daily post is
     * turned off with the reason kept for {@code /config show}, in one transaction.
     */
    public void refuse(String guildId, LocalDate localDate, String reason, Instant now) {
        database.transaction(h -> {
            h.execute("""
                    UPDATE daily_post SET status = 'refused', last_error = ?
                    WHERE guild_id = ? AND local_date = ? AND status IN ('queued', 'sending')""",
                    reason, guildId, localDate.toString());
            return h.execute("""
                    UPDATE daily_post_config SET next_due_epoch = NULL, next_local_date = NULL, off_reason = ?,
                        updated_epoch = ? WHERE guild_id = ?""", reason, now.getEpochSecond(), guildId);
        });
    }

    /** Status of one claimed post, for tests and diagnostics. */
    public Optional<PostStatus> status(String guildId, LocalDate localDate) {
        return database.read(h -> h.select("SELECT status FROM daily_post WHERE guild_id = ? AND local_date = ?",
                guildId, localDate.toString()).mapTo(String.class).findFirst().map(PostStatus::fromColumn));
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
        return database.transaction(h -> {
            int again = h.execute("""
                    UPDATE daily_post SET status = 'queued', attempt_at_epoch = ?
                    WHERE status = 'sending' AND attempt_at_epoch >= ?""" + scope.andColumnIsOurs("guild_id"),
                    now.getEpochSecond(), handedOverSince);
            int abandoned = h.execute("UPDATE daily_post SET status = 'unknown' WHERE status = 'sending'"
                    + scope.andColumnIsOurs("guild_id"));
            return new InFlight(again, abandoned);
        });
    }

    /** Deletes claims of local dates before {@code cutoff}; they can no longer matter. */
    public int forgetBefore(LocalDate cutoff) {
        return database.transaction(h -> h.execute("DELETE FROM daily_post WHERE local_date < ?"
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
}
