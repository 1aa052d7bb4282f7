package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.facts.JsonColumns.strings;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.Dialect;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.facts.JsonColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All quiz state (tables in {@code V2__quiz.sql}). Every change of state is one
 * transaction that first checks the state it changes from, so racing callers (a timer and a
 * {@code /quiz stop}, two clicks of one player) cannot both succeed: a round closes and is scored
 * once, a night ends and reaches the leaderboard once, an answer is recorded once.
 *
 * <p>A practice question is saved in the background ({@link #askPractice}), so its reply does not
 * wait for the write; every method that reads or changes a round waits for that round's write
 * first ({@link Database#awaitSaved}), so callers cannot tell the difference. Round ids are
 * handed out here rather than by the database to make that possible ({@link RoundIds}). What a
 * restart resumes, and what clean-up deletes, is only of the servers in its {@link GuildScope}.
 */
public final class QuizStore {
    private static final Logger log = LoggerFactory.getLogger(QuizStore.class);

    private static final String ROUND_COLUMNS = "id, night_id, number, guild_id, channel_id, question_id, category, "
            + "difficulty, question, choices, answer, explanation, sources, message_id, opens_at, closes_at, status";
    private static final String NIGHT_COLUMNS = "id, guild_id, channel_id, host_id, host_name, question_count, seconds, "
            + "round_millis, category, difficulty, status, started_at, team_count, hints";

    /**
     * Old practice questions, by their partial index (V4); left to itself SQLite's planner takes
     * the index on night_id, and night_id IS NULL is nearly every question. PostgreSQL's planner
     * finds the partial index by itself and has no INDEXED BY.
     */
    static String forgetPractice(Dialect dialect, GuildScope scope) {
        return "DELETE FROM quiz_round WHERE id IN (SELECT id FROM quiz_round "
                + (dialect == Dialect.SQLITE ? "INDEXED BY quiz_round_practice_closed " : "")
                + "WHERE night_id IS NULL AND status = 'closed' AND reveal_pending = 0 AND closes_at < ?"
                + scope.andColumnIsOurs("guild_id") + " LIMIT ?)";
    }

    /** Old practice questions deleted per transaction: a few milliseconds of holding the database. */
    private static final int FORGET_BATCH = 200;
    /** A night takes its questions, answers and players with it. */
    private static final int FORGET_BATCH_NIGHTS = 10;

    private static final RowMapper<Night> NIGHT = (r, ctx) -> {
        String difficulty = r.getString("difficulty");
        return new Night(r.getLong("id"), r.getString("guild_id"), r.getString("channel_id"), r.getString("host_id"),
                r.getString("host_name"), r.getInt("question_count"), r.getInt("seconds"),
                Duration.ofMillis(r.getLong("round_millis")), r.getString("category"),
                difficulty == null ? null : Difficulty.of(difficulty), Night.Status.of(r.getString("status")),
                Instant.ofEpochMilli(r.getLong("started_at")),
                new NightStyle(r.getInt("team_count"), r.getInt("hints") == 1));
    };

    private static final RowMapper<Round> ROUND = (r, ctx) -> {
        long night = r.getLong("night_id");
        Long nightId = r.wasNull() ? null : night;
        Question q = new Question(r.getString("question_id"), r.getString("category"),
                Difficulty.of(r.getString("difficulty")), r.getString("question"), strings(r.getString("choices")),
                r.getInt("answer"), r.getString("explanation"), strings(r.getString("sources")));
        return new Round(r.getLong("id"), nightId, r.getInt("number"), r.getString("guild_id"),
                r.getString("channel_id"), q, r.getString("message_id"), Instant.ofEpochMilli(r.getLong("opens_at")),
                Instant.ofEpochMilli(r.getLong("closes_at")), "open".equals(r.getString("status")));
    };

    private static final RowMapper<Standing> STANDING = (r, ctx) -> new Standing(r.getString("user_id"),
            r.getString("display_name"), r.getInt("points"), r.getInt("correct"));

    private final Database database;
    private final GuildScope scope;
    /** The process whose timers write here, or null for a store that owns nothing (tools, tests). */
    private final String owner;
    private final Duration leaseLength;
    private final RoundIds roundIds;
    private final String standingOrder;

    /** For every server, owning no night: its writes are not tied to a lease (tools and tests). */
    public QuizStore(Database database) {
        this(database, GuildScope.everyServer());
    }

    public QuizStore(Database database, GuildScope scope) {
        this(database, scope, null, Duration.ZERO);
    }

    /**
     * As the process {@code owner} (its instance id): the nights it starts or takes over are
     * leased to it for {@code leaseLength} at a time, and a night's timers' writes ({@link #askInNight},
     * {@link #closeRound}, {@link #endNight}, {@link #reopen}) succeed only while it is the night's owner.
     */
    public QuizStore(Database database, GuildScope scope, String owner, Duration leaseLength) {
        this.database = database;
        this.scope = scope;
        this.owner = owner;
        this.leaseLength = leaseLength;
        this.roundIds = RoundIds.of(database);
        this.standingOrder = " ORDER BY points DESC, correct DESC, " + database.dialect().displayNameOrder()
                + ", user_id";
    }

    /** Where the seen-question history is kept: per server, or per channel outside servers. */
    static String seenScope(String guildId, String channelId) {
        return guildId != null ? guildId : "channel:" + channelId;
    }

    /** The key a practice round's background save is queued under, for {@link Database#awaitSaved}. */
    private record SavedRound(long id) {
    }

    // ---- nights ----

    /** Starts a night; empty when one is already running in that channel. */
    public Optional<Night> startNight(NightPlan plan, Instant now) {
        return database.transaction(h -> {
            if (runningNight(h, plan.channelId()).isPresent()) {
                return Optional.<Night>empty();
            }
            long id = h.createQuery("INSERT INTO quiz_night (guild_id, channel_id, host_id, host_name, question_count, "
                            + "seconds, round_millis, category, difficulty, status, started_at, owner_id, lease_until, "
                            + "mode, team_count, hints) "
                            + "VALUES (:guild, :channel, :host, :hostName, :questions, :seconds, :roundMillis, "
                            + ":category, :difficulty, 'running', :startedAt, :owner, :leaseUntil, :mode, :teams, :hints) "
                            + "RETURNING id")
                    .bind("guild", plan.guildId())
                    .bind("channel", plan.channelId())
                    .bind("host", plan.hostId())
                    .bind("hostName", plan.hostName())
                    .bind("questions", plan.questionCount())
                    .bind("seconds", plan.seconds())
                    .bind("roundMillis", plan.roundLength().toMillis())
                    .bind("category", plan.category())
                    .bind("difficulty", plan.difficulty() == null ? null : plan.difficulty().id())
                    .bind("startedAt", now.toEpochMilli())
                    .bind("owner", owner)
                    .bind("leaseUntil", owner == null ? null : (Long) now.plus(leaseLength).toEpochMilli())
                    .bind("mode", plan.style().mode())
                    .bind("teams", plan.style().teams())
                    .bind("hints", plan.style().hints() ? 1 : 0)
                    .mapTo(Long.class).one();
            return night(h, id);
        });
    }

    public Optional<Night> runningNight(String channelId) {
        return database.read(h -> runningNight(h, channelId));
    }

    public Optional<Night> night(long id) {
        return database.read(h -> night(h, id));
    }

    public List<Night> runningNights() {
        return database.read(h -> h.select("SELECT " + NIGHT_COLUMNS + " FROM quiz_night WHERE status = 'running'"
                + scope.andColumnIsOurs("guild_id") + " ORDER BY id").map(NIGHT).list());
    }

    /**
     * Ends a running night: its open question is closed and scored, its players' points go to the
     * server's all-time leaderboard. Empty when the night had already ended.
     */
    public Optional<NightResult> endNight(long nightId, Night.Status endedAs, Instant now) {
        return endNight(nightId, endedAs, null, now);
    }

    /** As {@link #endNight(long, Night.Status, Instant)}, saying why it ended itself ({@code reason}, kept for its final post). */
    public Optional<NightResult> endNight(long nightId, Night.Status endedAs, String reason, Instant now) {
        return endNight(nightId, endedAs, reason, now, true);
    }

    /**
     * As {@link #endNight}, for a host ending the night by hand, in whichever process received the
     * command: it need not own the night, and takes its lease to post the final standings.
     */
    public Optional<NightResult> endNightByHost(long nightId, Night.Status endedAs, Instant now) {
        return endNight(nightId, endedAs, null, now, false);
    }

    private Optional<NightResult> endNight(long nightId, Night.Status endedAs, String reason, Instant now,
                                           boolean asOwner) {
        return database.transaction(h -> {
            if (asOwner && !holdsLease(h, nightId)) {
                return Optional.<NightResult>empty();
            }
            // A night that failed has no channel to post its end to.
            if (h.createUpdate("UPDATE quiz_night SET status = :status, ended_at = :now, end_post_pending = :pending, "
                            + "owner_id = COALESCE(:owner, owner_id), lease_until = COALESCE(:leaseUntil, lease_until), "
                            + "end_reason = :reason WHERE id = :night AND status = 'running'")
                    .bind("status", endedAs.id())
                    .bind("now", now.toEpochMilli())
                    .bind("pending", endedAs == Night.Status.FAILED ? 0 : 1)
                    .bind("owner", owner)
                    .bind("leaseUntil", owner == null ? null : (Long) now.plus(leaseLength).toEpochMilli())
                    .bind("reason", reason)
                    .bind("night", nightId)
                    .execute() == 0) {
                return Optional.<NightResult>empty();
            }
            for (Long open : h.select("SELECT id FROM quiz_round WHERE night_id = ? AND status = 'open'", nightId)
                    .mapTo(Long.class).list()) {
                // The night's end message shows where everyone finished; no reveal of its own.
                close(h, open, false);
            }
            Night night = night(h, nightId).orElseThrow();
            h.execute("INSERT INTO quiz_leaderboard (guild_id, user_id, display_name, points, correct, nights) "
                    + "SELECT ?, user_id, display_name, score, correct, 1 FROM quiz_player WHERE night_id = ? AND score > 0 "
                    + "ON CONFLICT (guild_id, user_id) DO UPDATE SET points = quiz_leaderboard.points + excluded.points, "
                    + "correct = quiz_leaderboard.correct + excluded.correct, nights = quiz_leaderboard.nights + 1, "
                    + "display_name = excluded.display_name",
                    night.guildId(), nightId);
            creditProfiles(h, night);
            return Optional.of(nightResult(h, night, Instant.ofEpochMilli(now.toEpochMilli())));
        });
    }

    /** Adds the night to the profile of everyone who answered in it (the night's end, in its transaction). */
    private static void creditProfiles(Handle h, Night night) {
        List<NightTally.Answer> answers = h.select("SELECT r.number, r.category, r.answer, a.user_id, a.display_name, "
                        + "a.choice, a.points FROM quiz_round r JOIN quiz_answer a ON a.round_id = r.id "
                        + "WHERE r.night_id = ?", night.id())
                .map((r, ctx) -> new NightTally.Answer(r.getString("user_id"), r.getString("display_name"),
                        r.getInt("number"), r.getString("category"), r.getInt("choice") == r.getInt("answer"),
                        r.getInt("points")))
                .list();
        List<NightTally.Player> players = NightTally.of(answers);
        if (players.isEmpty()) {
            return;
        }
        PreparedBatch profile = h.prepareBatch("INSERT INTO quiz_profile (guild_id, user_id, display_name, nights, "
                + "answers, correct, points, best_streak) VALUES (?, ?, ?, 1, ?, ?, ?, ?) "
                + "ON CONFLICT (guild_id, user_id) DO UPDATE SET display_name = excluded.display_name, "
                + "nights = quiz_profile.nights + 1, answers = quiz_profile.answers + excluded.answers, "
                + "correct = quiz_profile.correct + excluded.correct, points = quiz_profile.points + excluded.points, "
                + "best_streak = CASE WHEN excluded.best_streak > quiz_profile.best_streak THEN excluded.best_streak "
                + "ELSE quiz_profile.best_streak END");
        PreparedBatch categories = h.prepareBatch("INSERT INTO quiz_profile_category (guild_id, user_id, category, "
                + "answers, correct, points) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, user_id, category) "
                + "DO UPDATE SET answers = quiz_profile_category.answers + excluded.answers, "
                + "correct = quiz_profile_category.correct + excluded.correct, "
                + "points = quiz_profile_category.points + excluded.points");
        for (NightTally.Player p : players) {
            profile.add(night.guildId(), p.userId(), p.displayName(), p.answers(), p.correct(), (long) p.points(),
                    p.bestStreak());
            p.categories().forEach((category, c) -> categories.add(night.guildId(), p.userId(), category, c.answers(),
                    c.correct(), (long) c.points()));
        }
        profile.execute();
        categories.execute();
    }

    /**
     * A player's record in a server, credited as each night ends; empty if they have never scored
     * or answered in one here. A player from before profiles were kept has their all-time points
     * (from the leaderboard) and whatever the nights since then added.
     */
    public Optional<Profile> profile(String guildId, String userId) {
        return database.read(h -> {
            Optional<Profile> kept = h.select("SELECT p.display_name, p.nights, p.answers, p.correct, "
                            + "COALESCE(l.points, 0) AS points, p.best_streak FROM quiz_profile p "
                            + "LEFT JOIN quiz_leaderboard l ON l.guild_id = p.guild_id AND l.user_id = p.user_id "
                            + "WHERE p.guild_id = ? AND p.user_id = ?", guildId, userId)
                    .map((r, ctx) -> new Profile(userId, r.getString("display_name"), r.getInt("nights"),
                            r.getInt("answers"), r.getInt("correct"), r.getLong("points"), r.getInt("best_streak"),
                            List.of()))
                    .findFirst()
                    .or(() -> h.select("SELECT display_name, points FROM quiz_leaderboard WHERE guild_id = ? "
                                    + "AND user_id = ?", guildId, userId)
                            .map((r, ctx) -> new Profile(userId, r.getString("display_name"), 0, 0, 0,
                                    r.getLong("points"), 0, List.of()))
                            .findFirst());
            if (kept.isEmpty()) {
                return kept;
            }
            List<Profile.CategoryPoints> categories = h.select("SELECT category, answers, correct, points "
                            + "FROM quiz_profile_category WHERE guild_id = ? AND user_id = ? "
                            + "ORDER BY points DESC, category", guildId, userId)
                    .map((r, ctx) -> new Profile.CategoryPoints(r.getString("category"), r.getInt("answers"),
                            r.getInt("correct"), r.getLong("points")))
                    .list();
            Profile p = kept.get();
            return Optional.of(new Profile(p.userId(), p.displayName(), p.nights(), p.answers(), p.correct(), p.points(),
                    p.bestStreak(), categories));
        });
    }

    /** Ended nights whose final standings Discord has not confirmed, oldest first. */
    public List<NightResult> pendingEndPosts() {
        return database.read(h -> {
            List<NightResult> results = new ArrayList<>();
            for (EndedNight ended : h.select("SELECT id, ended_at FROM quiz_night WHERE end_post_pending = 1"
                    + scope.andColumnIsOurs("guild_id") + " ORDER BY id")
                    .map((r, ctx) -> new EndedNight(r.getLong("id"), r.getLong("ended_at"))).list()) {
                results.add(nightResult(h, night(h, ended.id()).orElseThrow(), Instant.ofEpochMilli(ended.endedAt())));
            }
            return results;
        });
    }

    /** The night's final standings, if it has ended and Discord has not confirmed them. */
    public Optional<NightResult> pendingEndPost(long nightId) {
        return database.read(h -> h.select("SELECT ended_at FROM quiz_night WHERE id = ? AND end_post_pending = 1",
                        nightId).mapTo(Long.class).findFirst()
                .map(endedAt -> nightResult(h, night(h, nightId).orElseThrow(), Instant.ofEpochMilli(endedAt))));
    }

    /** The final standings are in the channel, or Discord refused them for good. Saved in the background. */
    public CompletableFuture<?> endPosted(long nightId) {
        return database.transactionLater(h -> h.execute("UPDATE quiz_night SET end_post_pending = 0 WHERE id = ?",
                nightId));
    }

    private NightResult nightResult(Handle h, Night night, Instant endedAt) {
        int asked = roundsAsked(h, night.id());
        String reason = h.select("SELECT end_reason FROM quiz_night WHERE id = ?", night.id()).mapTo(String.class)
                .findFirst().orElse(null);
        return new NightResult(night, night.status(), endedAt, asked, standings(h, night.id(), Integer.MAX_VALUE),
                teams(h, night), reason);
    }

    public List<Standing> standings(long nightId, int limit) {
        return database.read(h -> standings(h, nightId, limit));
    }

    /**
     * A leaderboard of the server for {@code window}: its first {@code top} players, and the
     * asker's own place wherever it is (empty if they have not scored in it). All-time is the
     * running total credited as each night ends; a week or a month adds up the points of the
     * answers to questions asked in it, in nights that have ended (a running night's points join
     * every board at once, when it ends).
     */
    public Board board(String guildId, Period.Window window, int top, String askerId) {
        String source = window.period() == Period.ALL_TIME
                ? "SELECT user_id, display_name, points, correct FROM quiz_leaderboard WHERE guild_id = :guild"
                : PERIOD_POINTS;
        String sql = "SELECT user_id, display_name, points, correct, place, players FROM (SELECT user_id, display_name, "
                + "points, correct, ROW_NUMBER() OVER (" + standingOrder.strip() + ") AS place, COUNT(*) OVER () AS players "
                + "FROM (" + source + ") scored WHERE points > 0) ranked "
                + "WHERE place <= :top OR user_id = :asker ORDER BY place";
        return database.read(h -> {
            Query query = h.createQuery(sql).bind("guild", guildId).bind("top", top)
                    .bind("asker", askerId == null ? "" : askerId);
            if (window.period() != Period.ALL_TIME) {
                query.bind("from", window.from().toEpochMilli()).bind("to", window.to().toEpochMilli());
            }
            List<Ranked> rows = query
                    .map((r, ctx) -> new Ranked(r.getInt("place"), STANDING.map(r, ctx), r.getInt("players")))
                    .list();
            List<Ranked> first = rows.stream().filter(r -> r.place() <= top).toList();
            Optional<Ranked> asker = rows.stream().filter(r -> r.standing().userId().equals(askerId)).findFirst();
            int players = rows.isEmpty() ? 0 : rows.get(0).players();
            return new Board(first, asker, players);
        });
    }

    /**
     * Each player's points and right answers to the server's questions asked in {@code [from, to)}
     * in ended nights, under their latest name (the all-time row's: scoring in a period means
     * scoring all-time). Reads by the index on quiz_round (guild_id, opens_at).
     */
    private static final String PERIOD_POINTS = "SELECT a.user_id, MAX(l.display_name) AS display_name, "
            + "SUM(a.points) AS points, SUM(CASE WHEN a.choice = r.answer THEN 1 ELSE 0 END) AS correct "
            + "FROM quiz_round r JOIN quiz_night n ON n.id = r.night_id JOIN quiz_answer a ON a.round_id = r.id "
            + "JOIN quiz_leaderboard l ON l.guild_id = r.guild_id AND l.user_id = a.user_id "
            + "WHERE r.guild_id = :guild AND r.opens_at >= :from AND r.opens_at < :to AND n.status <> 'running' "
            + "GROUP BY a.user_id";

    /** A player's place on a board (1 for the first); {@code players} is how many are on it. */
    public record Ranked(int place, Standing standing, int players) {
    }

    /** The top of a board, the asker's own place wherever it is, and how many players have scored. */
    public record Board(List<Ranked> top, Optional<Ranked> asker, int players) {

        public Board {
            top = List.copyOf(top);
        }

        /** The asker's place when the top does not show it. */
        public Optional<Ranked> askerBelowTop() {
            return asker.filter(a -> top.stream().noneMatch(t -> t.place() == a.place()));
        }
    }

    /** The server's all-time standings: members who have scored, highest first. */
    public List<Standing> leaderboard(String guildId, int limit) {
        return database.read(h -> h.select("SELECT user_id, display_name, points, correct FROM quiz_leaderboard "
                + "WHERE guild_id = ? AND points > 0" + standingOrder + " LIMIT ?", guildId, limit)
                .map(STANDING).list());
    }

    // ---- leases ----

    /**
     * The first write of a timer's transaction: succeeds only for the night's current owner. It is a
     * write, not a read, so it holds the night's row until the transaction ends: a takeover waits
     * for it and then sees what it wrote (PostgreSQL locks the row; SQLite runs one writer at a time).
     */
    private boolean holdsLease(Handle h, long nightId) {
        return owner == null
                || h.execute("UPDATE quiz_night SET owner_id = owner_id WHERE id = ? AND owner_id = ?", nightId, owner) == 1;
    }

    /** Whether this store's process owns the night (a store owning nothing owns every night). */
    public boolean owns(long nightId) {
        return owner == null || database.read(h -> h.select("SELECT COUNT(*) FROM quiz_night WHERE id = ? "
                + "AND owner_id = ?", nightId, owner).mapTo(Integer.class).one()) == 1;
    }

    /**
     * Extends the leases of the nights this process owns (running, or ended with final standings
     * still to post) to {@code until}; returns their ids. A night another process took over is not
     * among them.
     */
    public Set<Long> renewLeases(Instant until) {
        if (owner == null) {
            return Set.of();
        }
        return database.transaction(h -> {
            h.execute("UPDATE quiz_night SET lease_until = ? WHERE owner_id = ? "
                    + "AND (status = 'running' OR end_post_pending = 1)", until.toEpochMilli(), owner);
            return Set.copyOf(h.select("SELECT id FROM quiz_night WHERE owner_id = ? "
                    + "AND (status = 'running' OR end_post_pending = 1)", owner).mapTo(Long.class).list());
        });
    }

    /**
     * Takes over, in one conditional UPDATE, every night (running, or with final standings to post)
     * whose lease ran out: those of the servers in this store's scope as soon as it has run out, and,
     * if {@code othersLapsedBefore} is given, any other whose lease ran out before it. Two processes
     * racing for a night: the UPDATE of one finds the lease renewed by the other and changes nothing.
     * Returns the ids taken, oldest first.
     */
    public List<Long> takeOverLapsed(Instant now, Optional<Instant> othersLapsedBefore) {
        if (owner == null) {
            return List.of();
        }
        String lapsed = "COALESCE(lease_until, 0) < ";
        String which = "(" + lapsed + now.toEpochMilli() + scope.andColumnIsOurs("guild_id") + ")"
                + othersLapsedBefore.map(before -> " OR " + lapsed + before.toEpochMilli()).orElse("");
        List<Long> taken = database.transaction(h -> h.createQuery("UPDATE quiz_night SET owner_id = :owner, "
                        + "lease_until = :until WHERE (status = 'running' OR end_post_pending = 1) AND (" + which + ") "
                        + "RETURNING id")
                .bind("owner", owner)
                .bind("until", now.plus(leaseLength).toEpochMilli())
                .mapTo(Long.class).list());
        return taken.stream().sorted().toList();
    }

    /**
     * Takes a paused night over from whichever process owns it, live lease or not: while a night is
     * paused its owner has nothing under way (no question open to answers, no post), only the
     * timer that ends a pause left too long, whose write then fails. For the host's Resume, which
     * comes to the process running the server's shard. False if the night is not running and paused.
     */
    public boolean takeOverPaused(long nightId, Instant now) {
        if (owner == null) {
            return true;
        }
        return database.transaction(h -> h.execute("UPDATE quiz_night SET owner_id = ?, lease_until = ? "
                + "WHERE id = ? AND status = 'running' AND paused_at IS NOT NULL",
                owner, now.plus(leaseLength).toEpochMilli(), nightId) == 1);
    }

    /** Gives up the leases of this process's nights, so that the next process to look takes them at once. */
    public void releaseLeases(Instant now) {
        if (owner != null) {
            database.transaction(h -> h.execute("UPDATE quiz_night SET lease_until = ? WHERE owner_id = ? "
                    + "AND (status = 'running' OR end_post_pending = 1)", now.toEpochMilli(), owner));
        }
    }

    /** The night's owner and lease, for the logs and the tests. */
    public Optional<Lease> lease(long nightId) {
        return database.read(h -> h.select("SELECT owner_id, lease_until FROM quiz_night WHERE id = ?", nightId)
                .map((r, ctx) -> {
                    long until = r.getLong("lease_until");
                    return new Lease(r.getString("owner_id"), r.wasNull() ? null : Instant.ofEpochMilli(until));
                })
                .findFirst());
    }

    /** Who runs a night's timers ({@code owner} null: nobody yet), and until when unless renewed. */
    public record Lease(String owner, Instant until) {
    }

    /** The night as {@link #runningNights} lists it, if it is running. */
    public Optional<Night> runningNight(long nightId) {
        return night(nightId).filter(Night::running);
    }

    // ---- rounds ----

    /**
     * Opens the night's next question. Empty, and nothing written, when the night is no longer
     * running, a question is still open, or all its questions have been asked.
     */
    public Optional<Round> askInNight(long nightId, Question q, Instant opensAt, Instant closesAt) {
        return database.transaction(h -> {
            if (!holdsLease(h, nightId)) {
                return Optional.<Round>empty();
            }
            Optional<Night> night = night(h, nightId);
            if (night.isEmpty() || !night.get().running()
                    || count(h, "SELECT COUNT(*) FROM quiz_round WHERE night_id = ? AND status = 'open'", nightId) > 0) {
                return Optional.<Round>empty();
            }
            int number = roundsAsked(h, nightId) + 1;
            if (number > night.get().questionCount()) {
                return Optional.<Round>empty();
            }
            Round round = newRound(nightId, number, night.get().guildId(), night.get().channelId(), q, opensAt, closesAt);
            insertRound(h, round);
            return Optional.of(round);
        });
    }

    /**
     * Opens a practice question (not part of any night) and returns it at once; it is saved on the
     * database's writer thread, which then runs {@code onceSaved}. A failed save is logged, and the
     * question then counts as closed.
     */
    public Round askPractice(String guildId, String channelId, Question q, Instant opensAt, Instant closesAt,
                             Consumer<Round> onceSaved) {
        Round round = newRound(null, 1, guildId, channelId, q, opensAt, closesAt);
        database.transactionLater(new SavedRound(round.id()), h -> {
            insertRound(h, round);
            return round;
        }).whenComplete((ok, error) -> {
            if (error != null) {
                log.error("practice question {} could not be saved; it cannot be answered", round.id(), error);
            } else {
                onceSaved.accept(round);
            }
        });
        return round;
    }

    private Round newRound(Long nightId, int number, String guildId, String channelId, Question q, Instant opensAt,
                           Instant closesAt) {
        // Times as the table holds them (milliseconds), so this round equals the one read back later.
        return new Round(roundIds.next(), nightId, number, guildId, channelId, q, null,
                Instant.ofEpochMilli(opensAt.toEpochMilli()), Instant.ofEpochMilli(closesAt.toEpochMilli()), true);
    }

    /** Waits until the round, if it is a practice question being saved, is in the table. */
    private void awaitSaved(long roundId) {
        database.awaitSaved(new SavedRound(roundId));
    }

    /** Waits until every practice question asked so far is in the table. */
    void awaitAllSaved() {
        database.awaitAllSaved();
    }

    public Optional<Round> round(long roundId) {
        awaitSaved(roundId);
        return database.read(h -> round(h, roundId));
    }

    public Optional<Round> openRound(long nightId) {
        return database.read(h -> h.select("SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE night_id = ? "
                + "AND status = 'open'", nightId).map(ROUND).findFirst());
    }

    /** Every question still open, of nights and practice alike, for resuming after a restart. */
    public List<Round> openRounds() {
        awaitAllSaved();
        return database.read(h -> h.select("SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE status = 'open'"
                + scope.andColumnIsOurs("guild_id") + " ORDER BY id").map(ROUND).list());
    }

    public int roundsAsked(long nightId) {
        return database.read(h -> roundsAsked(h, nightId));
    }

    private static int roundsAsked(Handle h, long nightId) {
        return count(h, "SELECT COUNT(*) FROM quiz_round WHERE night_id = ?", nightId);
    }

    public Set<String> questionsAsked(long nightId) {
        return database.read(h -> new LinkedHashSet<>(h.select("SELECT question_id FROM quiz_round WHERE night_id = ?",
                nightId).mapTo(String.class).list()));
    }

    /** When the server (or channel) last saw each question it has seen, as saved. */
    public Map<String, Instant> lastSeen(String scope) {
        return database.read(h -> {
            Map<String, Instant> seen = new HashMap<>();
            h.select("SELECT question_id, last_seen_at FROM quiz_seen WHERE scope = ?", scope)
                    .map((r, ctx) -> Map.entry(r.getString("question_id"), Instant.ofEpochMilli(r.getLong("last_seen_at"))))
                    .forEach(e -> seen.put(e.getKey(), e.getValue()));
            return seen;
        });
    }

    public void setMessageId(long roundId, String messageId) {
        awaitSaved(roundId);
        database.transaction(h -> h.execute("UPDATE quiz_round SET message_id = ? WHERE id = ?", messageId, roundId));
    }

    /** Gives an open question a new opening and deadline (after a restart); false if it has closed. */
    public boolean reopen(long roundId, Instant opensAt, Instant closesAt) {
        awaitSaved(roundId);
        return database.transaction(h -> {
            Long nightId = h.select("SELECT night_id FROM quiz_round WHERE id = ? AND night_id IS NOT NULL", roundId).mapTo(Long.class)
                    .findFirst().orElse(null);
            if (nightId != null && !holdsLease(h, nightId)) {
                return false;
            }
            return h.execute("UPDATE quiz_round SET opens_at = ?, closes_at = ? WHERE id = ? AND status = 'open'",
                    opensAt.toEpochMilli(), closesAt.toEpochMilli(), roundId) == 1;
        });
    }

    // ---- answers ----

    /**
     * Records one player's answer if the question is open and its deadline (by the bot's clock)
     * has not passed; a second answer by the same player is not recorded and the first one is
     * reported instead. Also remembers which message the question is on, if not yet known. A
     * click from another channel than the question's (a forged button id) is not a known question.
     */
    public AnswerOutcome recordAnswer(long roundId, String channelId, String userId, String displayName, int choice,
                                      Instant at, String messageId) {
        awaitSaved(roundId);
        return database.transaction(h -> {
            Optional<Round> found = round(h, roundId);
            if (found.isEmpty() || !found.get().channelId().equals(channelId)) {
                return AnswerOutcome.unknown();
            }
            Round round = found.get();
            switch (QuizRules.judge(round.open(), round.closesAt(), at)) {
                case CLOSED -> {
                    return new AnswerOutcome(AnswerOutcome.Kind.CLOSED, round, -1, 0);
                }
                case TIMES_UP -> {
                    return new AnswerOutcome(AnswerOutcome.Kind.TIMES_UP, round, -1, 0);
                }
                case ACCEPTED -> {
                }
            }
            int inserted = h.execute("INSERT INTO quiz_answer (round_id, user_id, display_name, choice, answered_at) "
                            + "VALUES (?,?,?,?,?) ON CONFLICT (round_id, user_id) DO NOTHING",
                    roundId, userId, displayName, choice, at.toEpochMilli());
            if (messageId != null && round.messageId() == null) {
                h.execute("UPDATE quiz_round SET message_id = ? WHERE id = ? AND message_id IS NULL", messageId, roundId);
            }
            int answers = count(h, "SELECT COUNT(*) FROM quiz_answer WHERE round_id = ?", roundId);
            if (inserted == 1 && round.nightId() != null) {
                // A player of a team night who did not join one is put on the smallest at their first answer.
                night(h, round.nightId()).filter(n -> n.style().teamsMode()).ifPresent(n ->
                        TeamHintStore.placeIfNew(h, n.id(), n.style().teams(), userId, displayName, at));
            }
            if (inserted == 0) {
                int earlier = h.select("SELECT choice FROM quiz_answer WHERE round_id = ? AND user_id = ?", roundId, userId)
                        .mapTo(Integer.class).one();
                return new AnswerOutcome(AnswerOutcome.Kind.ALREADY_ANSWERED, round, earlier, answers);
            }
            return new AnswerOutcome(AnswerOutcome.Kind.RECORDED, round, choice, answers);
        });
    }

    // ---- closing ----

    /**
     * Closes an open question and scores it (night questions only); empty if it was already
     * closed. The round then waits for its reveal to be posted: until {@link #revealPosted} is
     * called, {@link #pendingReveals} lists it.
     */
    public Optional<RoundResult> closeRound(long roundId) {
        return closeRound(roundId, null);
    }

    /**
     * As {@link #closeRound(long)}, saying why it closed before its time ({@code note}, shown in its
     * reveal and kept, so a reveal posted again after a restart says it too).
     */
    public Optional<RoundResult> closeRound(long roundId, String note) {
        awaitSaved(roundId);
        return database.transaction(h -> {
            Long nightId = h.select("SELECT night_id FROM quiz_round WHERE id = ? AND night_id IS NOT NULL", roundId).mapTo(Long.class)
                    .findFirst().orElse(null);
            if (nightId != null && !holdsLease(h, nightId)) {
                return Optional.<RoundResult>empty();
            }
            Optional<RoundResult> closed = close(h, roundId, true);
            if (closed.isPresent() && note != null) {
                h.createUpdate("UPDATE quiz_round SET close_note = :note WHERE id = :round").bind("note", note)
                        .bind("round", roundId).execute();
                RoundResult r = closed.get();
                return Optional.of(new RoundResult(r.round(), r.choiceCounts(), r.right(), r.standings(), r.hinted(), r.teams(),
                        note));
            }
            return closed;
        });
    }

    /** As {@link #closeRound}, for a reveal shown in the reply to an interaction rather than posted. */
    public Optional<RoundResult> closeRoundRevealedInReply(long roundId) {
        awaitSaved(roundId);
        return database.transaction(h -> close(h, roundId, false));
    }

    /**
     * The reveal is in the channel, or Discord refused it for good: nothing to post after a
     * restart. Saved in the background; the future completes once it is.
     */
    public CompletableFuture<?> revealPosted(long roundId) {
        return database.transactionLater(h -> h.execute("UPDATE quiz_round SET reveal_pending = 0 WHERE id = ?",
                roundId));
    }

    /** Closed rounds whose reveal Discord has not confirmed, oldest first, as they were when closed. */
    public List<RoundResult> pendingReveals() {
        awaitAllSaved();
        return database.read(h -> {
            List<RoundResult> results = new ArrayList<>();
            for (Round round : h.select("SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE reveal_pending = 1"
                    + scope.andColumnIsOurs("guild_id") + " ORDER BY id").map(ROUND).list()) {
                results.add(result(h, round));
            }
            return results;
        });
    }

    /** The night's closed rounds whose reveal Discord has not confirmed, oldest first. */
    public List<RoundResult> pendingReveals(long nightId) {
        return database.read(h -> {
            List<RoundResult> results = new ArrayList<>();
            for (Round round : h.select("SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE reveal_pending = 1 "
                    + "AND night_id = ? ORDER BY id", nightId).map(ROUND).list()) {
                results.add(result(h, round));
            }
            return results;
        });
    }

    private Optional<RoundResult> close(Handle h, long roundId, boolean revealToPost) {
        if (h.execute("UPDATE quiz_round SET status = 'closed', reveal_pending = ? WHERE id = ? AND status = 'open'",
                revealToPost ? 1 : 0, roundId) == 0) {
            return Optional.empty();
        }
        Round round = round(h, roundId).orElseThrow();
        if (!round.practice()) {
            score(h, round);
        }
        return Optional.of(result(h, round));
    }

    private void score(Handle h, Round round) {
        List<StoredAnswer> answers = h.select("SELECT a.user_id, a.display_name, a.choice, a.answered_at, "
                + "CASE WHEN EXISTS (SELECT 1 FROM quiz_hint x WHERE x.round_id = a.round_id AND x.user_id = a.user_id) "
                + "THEN 1 ELSE 0 END AS hinted FROM quiz_answer a WHERE a.round_id = ? ORDER BY a.answered_at, a.user_id",
                        round.id())
                .map((r, ctx) -> new StoredAnswer(r.getString("user_id"), r.getString("display_name"),
                        r.getInt("choice"), Instant.ofEpochMilli(r.getLong("answered_at")), r.getInt("hinted") == 1))
                .list();
        for (StoredAnswer a : answers) {
            if (a.choice() != round.question().answer()) {
                h.execute("INSERT INTO quiz_player (night_id, user_id, display_name, streak) VALUES (?,?,?,0) "
                        + "ON CONFLICT (night_id, user_id) DO UPDATE SET streak = 0, display_name = excluded.display_name",
                        round.nightId(), a.userId(), a.name());
                continue;
            }
            int streak = count(h, "SELECT COALESCE(MAX(streak), 0) FROM quiz_player WHERE night_id = ? AND user_id = ?",
                    round.nightId(), a.userId()) + 1;
            int points = Scoring.forRightAnswer(round.question().difficulty(), round.opensAt(), round.closesAt(),
                    a.answeredAt(), streak, a.hinted()).total();
            // A hint ends the streak: the next right answer starts a new one.
            streak = a.hinted() ? 0 : streak;
            h.execute("INSERT INTO quiz_player (night_id, user_id, display_name, score, correct, streak) "
                    + "VALUES (?,?,?,?,1,?) ON CONFLICT (night_id, user_id) DO UPDATE SET "
                    + "score = quiz_player.score + excluded.score, correct = quiz_player.correct + 1, "
                    + "streak = excluded.streak, display_name = excluded.display_name",
                    round.nightId(), a.userId(), a.name(), points, streak);
            h.execute("UPDATE quiz_answer SET points = ? WHERE round_id = ? AND user_id = ?", points, round.id(),
                    a.userId());
        }
        // Not answering breaks a streak too.
        h.execute("UPDATE quiz_player SET streak = 0 WHERE night_id = ? AND user_id NOT IN "
                + "(SELECT user_id FROM quiz_answer WHERE round_id = ?)", round.nightId(), round.id());
    }

    /**
     * What a closed round's reveal shows, read from what closing it saved: the same whether it is
     * read at once or after a restart, as long as no later question of the night has closed.
     */
    private RoundResult result(Handle h, Round round) {
        List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0));
        h.select("SELECT choice, COUNT(*) AS answers FROM quiz_answer WHERE round_id = ? GROUP BY choice", round.id())
                .map((r, ctx) -> Map.entry(r.getInt("choice"), r.getInt("answers")))
                .forEach(e -> counts.set(e.getKey(), e.getValue()));
        List<RoundResult.Scored> right = h.select("SELECT a.user_id, a.display_name, a.points, "
                + "COALESCE(p.streak, 0) AS streak, CASE WHEN x.user_id IS NULL THEN 0 ELSE 1 END AS hinted "
                + "FROM quiz_answer a LEFT JOIN quiz_player p ON p.night_id = ? AND p.user_id = a.user_id "
                + "LEFT JOIN quiz_hint x ON x.round_id = a.round_id AND x.user_id = a.user_id "
                + "WHERE a.round_id = ? AND a.choice = ? ORDER BY a.answered_at, a.user_id",
                round.nightId(), round.id(), round.question().answer())
                .map((r, ctx) -> new RoundResult.Scored(r.getString("user_id"), r.getString("display_name"),
                        r.getInt("points"), r.getInt("streak"), r.getInt("hinted") == 1))
                .list();
        String note = h.select("SELECT close_note FROM quiz_round WHERE id = ?", round.id()).mapTo(String.class)
                .findFirst().orElse(null);
        if (round.practice()) {
            return new RoundResult(round, counts, right, List.of(), note);
        }
        List<Standing> standings = standings(h, round.nightId(), Integer.MAX_VALUE);
        Night night = night(h, round.nightId()).orElseThrow();
        return new RoundResult(round, counts, right, standings, TeamHintStore.hinted(h, round.id()), teams(h, night),
                note);
    }

    // ---- housekeeping ----

    /**
     * Deletes practice questions closed before {@code cutoff} and nights that ended before it,
     * with their answers and players; the all-time leaderboard and the seen-question history
     * keep what they need. In small transactions, so commands wait at most for one.
     * Returns how many questions and nights were deleted.
     */
    public int forgetClosedBefore(Instant cutoff) {
        long before = cutoff.toEpochMilli();
        String forgetPractice = forgetPractice(database.dialect(), scope);
        int deleted = 0;
        int batch;
        do {
            batch = database.transaction(h -> h.execute(forgetPractice, before, FORGET_BATCH));
            deleted += batch;
        } while (batch == FORGET_BATCH);
        do {
            batch = database.transaction(h -> h.execute("DELETE FROM quiz_night WHERE id IN (SELECT id FROM quiz_night "
                    + "WHERE status <> 'running' AND end_post_pending = 0 AND ended_at < ?"
                    + scope.andColumnIsOurs("guild_id") + " ORDER BY id LIMIT ?)",
                    before, FORGET_BATCH_NIGHTS));
            deleted += batch;
        } while (batch == FORGET_BATCH_NIGHTS);
        return deleted;
    }

    // ---- rows ----

    private void insertRound(Handle h, Round round) {
        Question q = round.question();
        h.createUpdate("INSERT INTO quiz_round (id, night_id, number, guild_id, channel_id, question_id, category, "
                        + "difficulty, question, choices, answer, explanation, sources, opens_at, closes_at, status) "
                        + "VALUES (:id, :night, :number, :guild, :channel, :questionId, :category, :difficulty, "
                        + ":question, :choices, :answer, :explanation, :sources, :opensAt, :closesAt, 'open')")
                .bind("id", round.id())
                .bind("night", round.nightId())
                .bind("number", round.number())
                .bind("guild", round.guildId())
                .bind("channel", round.channelId())
                .bind("questionId", q.id())
                .bind("category", q.category())
                .bind("difficulty", q.difficulty().id())
                .bind("question", q.text())
                .bind("choices", JsonColumns.of(q.choices()))
                .bind("answer", q.answer())
                .bind("explanation", q.explanation())
                .bind("sources", JsonColumns.of(q.sources()))
                .bind("opensAt", round.opensAt().toEpochMilli())
                .bind("closesAt", round.closesAt().toEpochMilli())
                .execute();
        h.execute("INSERT INTO quiz_seen (scope, question_id, last_seen_at) VALUES (?,?,?) "
                + "ON CONFLICT (scope, question_id) DO UPDATE SET last_seen_at = excluded.last_seen_at",
                seenScope(round.guildId(), round.channelId()), q.id(), round.opensAt().toEpochMilli());
    }

    private static Optional<Night> runningNight(Handle h, String channelId) {
        return h.select("SELECT " + NIGHT_COLUMNS + " FROM quiz_night WHERE channel_id = ? AND status = 'running'",
                channelId).map(NIGHT).findFirst();
    }

    private static Optional<Night> night(Handle h, long id) {
        return h.select("SELECT " + NIGHT_COLUMNS + " FROM quiz_night WHERE id = ?", id).map(NIGHT).findFirst();
    }

    private static Optional<Round> round(Handle h, long id) {
        return h.select("SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE id = ?", id).map(ROUND).findFirst();
    }

    private List<Standing> standings(Handle h, long nightId, int limit) {
        return h.select("SELECT user_id, display_name, score AS points, correct FROM quiz_player WHERE night_id = ?"
                + standingOrder + " LIMIT ?", nightId, limit).map(STANDING).list();
    }

    /** A COUNT (or other whole number) that the query always returns one row of. */
    private static int count(Handle h, String sql, Object... params) {
        return h.select(sql, params).mapTo(Integer.class).one();
    }

    private record EndedNight(long id, long endedAt) {
    }

    private static List<TeamStanding> teams(Handle h, Night night) {
        return night.style().teamsMode() ? TeamHintStore.standings(h, night.id(), night.style().teams()) : List.of();
    }

    private record StoredAnswer(String userId, String name, int choice, Instant answeredAt, boolean hinted) {
    }
}
