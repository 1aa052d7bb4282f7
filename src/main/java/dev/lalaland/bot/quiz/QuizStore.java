package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.facts.JsonColumns.strings;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.facts.JsonColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All quiz state in SQLite (tables in {@code V2__quiz.sql}). Every change of state is one
 * transaction that first checks the state it changes from, so racing callers (a timer and a
 * {@code /quiz stop}, two clicks of one player) cannot both succeed: a round closes and is scored
 * once, a night ends and reaches the leaderboard once, an answer is recorded once.
 *
 * <p>A practice question is saved in the background ({@link #askPractice}), so its reply does not
 * wait for the write; every method that reads or changes a round waits for that round's write
 * first, so callers cannot tell the difference. Round ids are handed out here rather than by
 * SQLite to make that possible; this store is the only writer of {@code quiz_round} (one bot per
 * database file). What a restart resumes, and what clean-up deletes, is only of the servers in
 * its {@link GuildScope}.
 */
public final class QuizStore {
    private static final Logger log = LoggerFactory.getLogger(QuizStore.class);

    private static final String ROUND_COLUMNS = "id, night_id, number, guild_id, channel_id, question_id, category, "
            + "difficulty, question, choices, answer, explanation, sources, message_id, opens_at, closes_at, status";
    private static final String NIGHT_COLUMNS = "id, guild_id, channel_id, host_id, host_name, question_count, seconds, "
            + "round_millis, category, difficulty, status, started_at";
    private static final String STANDING_ORDER = " ORDER BY points DESC, correct DESC, display_name COLLATE NOCASE, user_id";

    /**
     * Old practice questions, by their partial index (V4); left to itself the planner takes the
     * index on night_id, and night_id IS NULL is nearly every question.
     */
    static String forgetPractice(GuildScope scope) {
        return "DELETE FROM quiz_round WHERE id IN (SELECT id FROM quiz_round INDEXED BY quiz_round_practice_closed "
                + "WHERE night_id IS NULL AND status = 'closed' AND reveal_pending = 0 AND closes_at < ?"
                + scope.andColumnIsOurs("guild_id") + " LIMIT ?)";
    }
    /** Old practice questions deleted per transaction: a few milliseconds of holding the database. */
    private static final int FORGET_BATCH = 200;
    /** A night takes its questions, answers and players with it. */
    private static final int FORGET_BATCH_NIGHTS = 10;

    /** How long a read of a round waits for its background write; the write takes microseconds. */
    private static final long SAVE_WAIT_SECONDS = 10;

    private final Database database;
    private final GuildScope scope;
    private final AtomicLong lastRoundId;
    /** Practice rounds queued for saving and not yet saved, by id. */
    private final Map<Long, CompletableFuture<?>> saving = new ConcurrentHashMap<>();

    /** For every server, as the bot. */
    public QuizStore(Database database) {
        this(database, GuildScope.everyServer());
    }

    public QuizStore(Database database, GuildScope scope) {
        this.database = database;
        this.scope = scope;
        // sqlite_sequence remembers ids of rows since deleted, so an id is never handed out twice.
        this.lastRoundId = new AtomicLong(database.read(c -> singleInt(c, "SELECT MAX("
                + "COALESCE((SELECT MAX(id) FROM quiz_round), 0), "
                + "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'quiz_round'), 0))")));
    }

    /** Where the seen-question history is kept: per server, or per channel outside servers. */
    static String seenScope(String guildId, String channelId) {
        return guildId != null ? guildId : "channel:" + channelId;
    }

    // ---- nights ----

    /** Starts a night; empty when one is already running in that channel. */
    public Optional<Night> startNight(NightPlan plan, Instant now) {
        return database.transaction(c -> {
            if (runningNight(c, plan.channelId()).isPresent()) {
                return Optional.<Night>empty();
            }
            long id = insert(c, "INSERT INTO quiz_night (guild_id, channel_id, host_id, host_name, question_count, "
                            + "seconds, round_millis, category, difficulty, status, started_at) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,'running',?)",
                    plan.guildId(), plan.channelId(), plan.hostId(), plan.hostName(), plan.questionCount(),
                    plan.seconds(), plan.roundLength().toMillis(), plan.category(),
                    plan.difficulty() == null ? null : plan.difficulty().id(), now.toEpochMilli());
            return night(c, id);
        });
    }

    public Optional<Night> runningNight(String channelId) {
        return database.read(c -> runningNight(c, channelId));
    }

    public Optional<Night> night(long id) {
        return database.read(c -> night(c, id));
    }

    public List<Night> runningNights() {
        return database.read(c -> query(c, "SELECT " + NIGHT_COLUMNS + " FROM quiz_night WHERE status = 'running'"
                + scope.andColumnIsOurs("guild_id") + " ORDER BY id", QuizStore::night));
    }

    /**
     * Ends a running night: its open question is closed and scored, its players' points go to the
     * server's all-time leaderboard. Empty when the night had already ended.
     */
    public Optional<NightResult> endNight(long nightId, Night.Status endedAs, Instant now) {
        return database.transaction(c -> {
            // A night that failed has no channel to post its end to.
            if (update(c, "UPDATE quiz_night SET status = ?, ended_at = ?, end_post_pending = ? "
                    + "WHERE id = ? AND status = 'running'",
                    endedAs.id(), now.toEpochMilli(), endedAs == Night.Status.FAILED ? 0 : 1, nightId) == 0) {
                return Optional.<NightResult>empty();
            }
            for (Long open : query(c, "SELECT id FROM quiz_round WHERE night_id = ? AND status = 'open'",
                    r -> r.getLong(1), nightId)) {
                // The night's end message shows where everyone finished; no reveal of its own.
                close(c, open, false);
            }
            Night night = night(c, nightId).orElseThrow();
            update(c, "INSERT INTO quiz_leaderboard (guild_id, user_id, display_name, points, correct, nights) "
                    + "SELECT ?, user_id, display_name, score, correct, 1 FROM quiz_player WHERE night_id = ? AND score > 0 "
                    + "ON CONFLICT (guild_id, user_id) DO UPDATE SET points = points + excluded.points, "
                    + "correct = correct + excluded.correct, nights = nights + 1, display_name = excluded.display_name",
                    night.guildId(), nightId);
            return Optional.of(nightResult(c, night, Instant.ofEpochMilli(now.toEpochMilli())));
        });
    }

    /** Ended nights whose final standings Discord has not confirmed, oldest first. */
    public List<NightResult> pendingEndPosts() {
        return database.read(c -> {
            List<NightResult> results = new ArrayList<>();
            for (long[] row : query(c, "SELECT id, ended_at FROM quiz_night WHERE end_post_pending = 1"
                    + scope.andColumnIsOurs("guild_id") + " ORDER BY id",
                    r -> new long[] {r.getLong(1), r.getLong(2)})) {
                results.add(nightResult(c, night(c, row[0]).orElseThrow(), Instant.ofEpochMilli(row[1])));
            }
            return results;
        });
    }

    /** The final standings are in the channel, or Discord refused them for good. Saved in the background. */
    public CompletableFuture<?> endPosted(long nightId) {
        return database.transactionLater(c -> update(c, "UPDATE quiz_night SET end_post_pending = 0 WHERE id = ?",
                nightId));
    }

    private NightResult nightResult(Connection c, Night night, Instant endedAt) throws SQLException {
        int asked = singleInt(c, "SELECT COUNT(*) FROM quiz_round WHERE night_id = ?", night.id());
        return new NightResult(night, night.status(), endedAt, asked, standings(c, night.id(), Integer.MAX_VALUE));
    }

    public List<Standing> standings(long nightId, int limit) {
        return database.read(c -> standings(c, nightId, limit));
    }

    /** The server's all-time standings: members who have scored, highest first. */
    public List<Standing> leaderboard(String guildId, int limit) {
        return database.read(c -> query(c, "SELECT user_id, display_name, points, correct FROM quiz_leaderboard "
                + "WHERE guild_id = ? AND points > 0" + STANDING_ORDER + " LIMIT ?", QuizStore::standing, guildId, limit));
    }

    // ---- rounds ----

    /**
     * Opens the night's next question. Empty, and nothing written, when the night is no longer
     * running, a question is still open, or all its questions have been asked.
     */
    public Optional<Round> askInNight(long nightId, Question q, Instant opensAt, Instant closesAt) {
        return database.transaction(c -> {
            Optional<Night> night = night(c, nightId);
            if (night.isEmpty() || !night.get().running()
                    || singleInt(c, "SELECT COUNT(*) FROM quiz_round WHERE night_id = ? AND status = 'open'", nightId) > 0) {
                return Optional.<Round>empty();
            }
            int number = singleInt(c, "SELECT COUNT(*) FROM quiz_round WHERE night_id = ?", nightId) + 1;
            if (number > night.get().questionCount()) {
                return Optional.<Round>empty();
            }
            Round round = newRound(nightId, number, night.get().guildId(), night.get().channelId(), q, opensAt, closesAt);
            insertRound(c, round);
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
        CompletableFuture<?> saved = database.transactionLater(c -> {
            insertRound(c, round);
            return round;
        });
        saving.put(round.id(), saved);
        saved.whenComplete((ok, error) -> {
            saving.remove(round.id(), saved);
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
        return new Round(lastRoundId.incrementAndGet(), nightId, number, guildId, channelId, q, null,
                Instant.ofEpochMilli(opensAt.toEpochMilli()), Instant.ofEpochMilli(closesAt.toEpochMilli()), true);
    }

    /** Waits until the round, if it is a practice question being saved, is in the table. */
    private void awaitSaved(long roundId) {
        CompletableFuture<?> pending = saving.get(roundId);
        if (pending == null) {
            return;
        }
        if (!pending.isDone()) {
            database.writeQueuedNow();
        }
        try {
            pending.get(SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Logged where the save is queued; the round is then simply not in the table.
        }
    }

    /** Waits until every practice question asked so far is in the table. */
    void awaitAllSaved() {
        saving.keySet().forEach(this::awaitSaved);
    }

    public Optional<Round> round(long roundId) {
        awaitSaved(roundId);
        return database.read(c -> round(c, roundId));
    }

    public Optional<Round> openRound(long nightId) {
        return database.read(c -> query(c, "SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE night_id = ? "
                + "AND status = 'open'", QuizStore::round, nightId).stream().findFirst());
    }

    /** Every question still open, of nights and practice alike, for resuming after a restart. */
    public List<Round> openRounds() {
        awaitAllSaved();
        return database.read(c -> query(c, "SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE status = 'open'"
                + scope.andColumnIsOurs("guild_id") + " ORDER BY id", QuizStore::round));
    }

    public int roundsAsked(long nightId) {
        return database.read(c -> singleInt(c, "SELECT COUNT(*) FROM quiz_round WHERE night_id = ?", nightId));
    }

    public Set<String> questionsAsked(long nightId) {
        return database.read(c -> new LinkedHashSet<>(query(c, "SELECT question_id FROM quiz_round WHERE night_id = ?",
                r -> r.getString(1), nightId)));
    }

    /** When the server (or channel) last saw each question it has seen, as saved. */
    public Map<String, Instant> lastSeen(String scope) {
        return database.read(c -> {
            Map<String, Instant> seen = new HashMap<>();
            try (ResultSet rs = prepare(c, "SELECT question_id, last_seen_at FROM quiz_seen WHERE scope = ?", scope)
                    .executeQuery()) {
                while (rs.next()) {
                    seen.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
            return seen;
        });
    }

    public void setMessageId(long roundId, String messageId) {
        awaitSaved(roundId);
        database.transaction(c -> update(c, "UPDATE quiz_round SET message_id = ? WHERE id = ?", messageId, roundId));
    }

    /** Gives an open question a new opening and deadline (after a restart); false if it has closed. */
    public boolean reopen(long roundId, Instant opensAt, Instant closesAt) {
        awaitSaved(roundId);
        return database.transaction(c -> update(c, "UPDATE quiz_round SET opens_at = ?, closes_at = ? "
                + "WHERE id = ? AND status = 'open'", opensAt.toEpochMilli(), closesAt.toEpochMilli(), roundId) == 1);
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
        return database.transaction(c -> {
            Optional<Round> found = round(c, roundId);
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
            int inserted = update(c, "INSERT INTO quiz_answer (round_id, user_id, display_name, choice, answered_at) "
                            + "VALUES (?,?,?,?,?) ON CONFLICT (round_id, user_id) DO NOTHING",
                    roundId, userId, displayName, choice, at.toEpochMilli());
            if (messageId != null && round.messageId() == null) {
                update(c, "UPDATE quiz_round SET message_id = ? WHERE id = ? AND message_id IS NULL", messageId, roundId);
            }
            int answers = singleInt(c, "SELECT COUNT(*) FROM quiz_answer WHERE round_id = ?", roundId);
            if (inserted == 0) {
                int earlier = singleInt(c, "SELECT choice FROM quiz_answer WHERE round_id = ? AND user_id = ?", roundId, userId);
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
        awaitSaved(roundId);
        return database.transaction(c -> close(c, roundId, true));
    }

    /** As {@link #closeRound}, for a reveal shown in the reply to an interaction rather than posted. */
    public Optional<RoundResult> closeRoundRevealedInReply(long roundId) {
        awaitSaved(roundId);
        return database.transaction(c -> close(c, roundId, false));
    }

    /**
     * The reveal is in the channel, or Discord refused it for good: nothing to post after a
     * restart. Saved in the background; the future completes once it is.
     */
    public CompletableFuture<?> revealPosted(long roundId) {
        return database.transactionLater(c -> update(c, "UPDATE quiz_round SET reveal_pending = 0 WHERE id = ?",
                roundId));
    }

    /** Closed rounds whose reveal Discord has not confirmed, oldest first, as they were when closed. */
    public List<RoundResult> pendingReveals() {
        awaitAllSaved();
        return database.read(c -> {
            List<RoundResult> results = new ArrayList<>();
            for (Round round : query(c, "SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE reveal_pending = 1"
                    + scope.andColumnIsOurs("guild_id") + " ORDER BY id", QuizStore::round)) {
                results.add(result(c, round));
            }
            return results;
        });
    }

    private Optional<RoundResult> close(Connection c, long roundId, boolean revealToPost) throws SQLException {
        if (update(c, "UPDATE quiz_round SET status = 'closed', reveal_pending = ? WHERE id = ? AND status = 'open'",
                revealToPost ? 1 : 0, roundId) == 0) {
            return Optional.empty();
        }
        Round round = round(c, roundId).orElseThrow();
        if (!round.practice()) {
            score(c, round);
        }
        return Optional.of(result(c, round));
    }

    private void score(Connection c, Round round) throws SQLException {
        List<StoredAnswer> answers = query(c, "SELECT user_id, display_name, choice, answered_at FROM quiz_answer "
                + "WHERE round_id = ? ORDER BY answered_at, user_id",
                r -> new StoredAnswer(r.getString(1), r.getString(2), r.getInt(3), Instant.ofEpochMilli(r.getLong(4))),
                round.id());
        for (StoredAnswer a : answers) {
            if (a.choice() != round.question().answer()) {
                update(c, "INSERT INTO quiz_player (night_id, user_id, display_name, streak) VALUES (?,?,?,0) "
                        + "ON CONFLICT (night_id, user_id) DO UPDATE SET streak = 0, display_name = excluded.display_name",
                        round.nightId(), a.userId(), a.name());
                continue;
            }
            int streak = singleInt(c, "SELECT COALESCE(MAX(streak), 0) FROM quiz_player WHERE night_id = ? AND user_id = ?",
                    round.nightId(), a.userId()) + 1;
            int points = Scoring.forRightAnswer(round.question().difficulty(), round.opensAt(), round.closesAt(),
                    a.answeredAt(), streak).total();
            update(c, "INSERT INTO quiz_player (night_id, user_id, display_name, score, correct, streak) "
                    + "VALUES (?,?,?,?,1,?) ON CONFLICT (night_id, user_id) DO UPDATE SET score = score + excluded.score, "
                    + "correct = correct + 1, streak = excluded.streak, display_name = excluded.display_name",
                    round.nightId(), a.userId(), a.name(), points, streak);
            update(c, "UPDATE quiz_answer SET points = ? WHERE round_id = ? AND user_id = ?", points, round.id(), a.userId());
        }
        // Not answering breaks a streak too.
        update(c, "UPDATE quiz_player SET streak = 0 WHERE night_id = ? AND user_id NOT IN "
                + "(SELECT user_id FROM quiz_answer WHERE round_id = ?)", round.nightId(), round.id());
    }

    /**
     * What a closed round's reveal shows, read from what closing it saved: the same whether it is
     * read at once or after a restart, as long as no later question of the night has closed.
     */
    private RoundResult result(Connection c, Round round) throws SQLException {
        List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0));
        for (int[] row : query(c, "SELECT choice, COUNT(*) FROM quiz_answer WHERE round_id = ? GROUP BY choice",
                r -> new int[] {r.getInt(1), r.getInt(2)}, round.id())) {
            counts.set(row[0], row[1]);
        }
        List<RoundResult.Scored> right = query(c, "SELECT a.user_id, a.display_name, a.points, COALESCE(p.streak, 0) "
                + "FROM quiz_answer a LEFT JOIN quiz_player p ON p.night_id = ? AND p.user_id = a.user_id "
                + "WHERE a.round_id = ? AND a.choice = ? ORDER BY a.answered_at, a.user_id",
                r -> new RoundResult.Scored(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4)),
                round.nightId(), round.id(), round.question().answer());
        List<Standing> standings = round.practice() ? List.of() : standings(c, round.nightId(), Integer.MAX_VALUE);
        return new RoundResult(round, counts, right, standings);
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
        int deleted = 0;
        int batch;
        do {
            batch = database.transaction(c -> update(c, forgetPractice(scope), before, FORGET_BATCH));
            deleted += batch;
        } while (batch == FORGET_BATCH);
        do {
            batch = database.transaction(c -> update(c, "DELETE FROM quiz_night WHERE id IN (SELECT id FROM quiz_night "
                    + "WHERE status <> 'running' AND end_post_pending = 0 AND ended_at < ?"
                    + scope.andColumnIsOurs("guild_id") + " ORDER BY id LIMIT ?)",
                    before, FORGET_BATCH_NIGHTS));
            deleted += batch;
        } while (batch == FORGET_BATCH_NIGHTS);
        return deleted;
    }

    // ---- rows ----

    private void insertRound(Connection c, Round round) throws SQLException {
        Question q = round.question();
        update(c, "INSERT INTO quiz_round (id, night_id, number, guild_id, channel_id, question_id, category, "
                        + "difficulty, question, choices, answer, explanation, sources, opens_at, closes_at, status) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'open')",
                round.id(), round.nightId(), round.number(), round.guildId(), round.channelId(), q.id(), q.category(),
                q.difficulty().id(), q.text(), JsonColumns.of(q.choices()), q.answer(), q.explanation(),
                JsonColumns.of(q.sources()), round.opensAt().toEpochMilli(), round.closesAt().toEpochMilli());
        update(c, "INSERT INTO quiz_seen (scope, question_id, last_seen_at) VALUES (?,?,?) "
                + "ON CONFLICT (scope, question_id) DO UPDATE SET last_seen_at = excluded.last_seen_at",
                seenScope(round.guildId(), round.channelId()), q.id(), round.opensAt().toEpochMilli());
    }

    private Optional<Night> runningNight(Connection c, String channelId) throws SQLException {
        return query(c, "SELECT " + NIGHT_COLUMNS + " FROM quiz_night WHERE channel_id = ? AND status = 'running'",
                QuizStore::night, channelId).stream().findFirst();
    }

    private Optional<Night> night(Connection c, long id) throws SQLException {
        return query(c, "SELECT " + NIGHT_COLUMNS + " FROM quiz_night WHERE id = ?", QuizStore::night, id)
                .stream().findFirst();
    }

    private Optional<Round> round(Connection c, long id) throws SQLException {
        return query(c, "SELECT " + ROUND_COLUMNS + " FROM quiz_round WHERE id = ?", QuizStore::round, id)
                .stream().findFirst();
    }

    private List<Standing> standings(Connection c, long nightId, int limit) throws SQLException {
        return query(c, "SELECT user_id, display_name, score AS points, correct FROM quiz_player WHERE night_id = ?"
                + STANDING_ORDER + " LIMIT ?", QuizStore::standing, nightId, limit);
    }

    private static Night night(ResultSet r) throws SQLException {
        String difficulty = r.getString(10);
        return new Night(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6),
                r.getInt(7), Duration.ofMillis(r.getLong(8)), r.getString(9),
                difficulty == null ? null : Difficulty.of(difficulty), Night.Status.of(r.getString(11)),
                Instant.ofEpochMilli(r.getLong(12)));
    }

    private static Round round(ResultSet r) throws SQLException {
        long night = r.getLong(2);
        Long nightId = r.wasNull() ? null : night;
        Question q = new Question(r.getString(6), r.getString(7), Difficulty.of(r.getString(8)), r.getString(9),
                strings(r.getString(10)), r.getInt(11), r.getString(12), strings(r.getString(13)));
        return new Round(r.getLong(1), nightId, r.getInt(3), r.getString(4), r.getString(5), q, r.getString(14),
                Instant.ofEpochMilli(r.getLong(15)), Instant.ofEpochMilli(r.getLong(16)), "open".equals(r.getString(17)));
    }

    private static Standing standing(ResultSet r) throws SQLException {
        return new Standing(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4));
    }

    private record StoredAnswer(String userId, String name, int choice, Instant answeredAt) {
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (ResultSet rs = prepare(c, sql, params).executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    private int singleInt(Connection c, String sql, Object... params) throws SQLException {
        try (ResultSet rs = prepare(c, sql, params).executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private int update(Connection c, String sql, Object... params) throws SQLException {
        return prepare(c, sql, params).executeUpdate();
    }

    private long insert(Connection c, String sql, Object... params) throws SQLException {
        update(c, sql, params);
        try (ResultSet rs = prepare(c, "SELECT last_insert_rowid()").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
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
