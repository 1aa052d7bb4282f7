package dev.lalaland.bot.quiz;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.cache.Caches;
import java.time.Instant;
import java.util.Arrays;

/**
 * When each server (or channel, outside servers) last saw each question of the bank: kept in
 * memory for the servers that asked most recently, read from {@link QuizStore} for the others.
 *
 * <p>One array per server, indexed by the question's ordinal in the bank. The picker looks at
 * every question for every question asked; with a map of question ids, its cache misses cost
 * about 75 microseconds a question under load, most of the time {@code /quiz question} took
 * in the benchmark. Four kilobytes in a row cost about one.
 *
 * <p>Each ask reads the history ({@link #lastSeen}) and then records the question it chose
 * ({@link #record}), so the server's array is in memory when it is recorded. A practice question
 * is saved in the background, so in the rare case that its server is dropped from memory and read
 * back before the save commits, that one question is missing from the history until its server is
 * next read from the table; the cost is that it may be picked again sooner.
 */
final class SeenHistory {
    /** The last-seen time of a question never seen: before every real one. */
    static final long NEVER = Long.MIN_VALUE;

    private final QuestionBank bank;
    private final QuizStore store;
    /**
     * The arrays, for about {@code serversInMemory} servers. The cache is thread-safe, but the
     * arrays are changed in place, so they are read and written under this object's lock.
     */
    private final Cache<String, long[]> servers;

    SeenHistory(QuestionBank bank, QuizStore store, int serversInMemory) {
        this.bank = bank;
        this.store = store;
        this.servers = Caches.bounded(serversInMemory);
    }

    /** A copy of the scope's history: epoch milliseconds by question ordinal, {@link #NEVER} if not seen. */
    synchronized long[] lastSeen(String scope) {
        // Read from the table under this lock, so a question recorded meanwhile is not lost.
        return servers.get(scope, this::load).clone();
    }

    /** The scope saw {@code question} at {@code at}; kept only if that is later than what is known. */
    synchronized void record(String scope, Question question, Instant at) {
        long[] seen = servers.getIfPresent(scope);
        int ordinal = bank.ordinalOf(question.id());
        if (seen != null && ordinal >= 0) {
            seen[ordinal] = Math.max(seen[ordinal], at.toEpochMilli());
        }
    }

    /** How many servers are in memory, once upkeep has run: for the test of the bound. */
    long serversInMemory() {
        servers.cleanUp();
        return servers.estimatedSize();
    }

    private long[] load(String scope) {
        long[] seen = new long[bank.size()];
        Arrays.fill(seen, NEVER);
        store.lastSeen(scope).forEach((questionId, at) -> {
            int ordinal = bank.ordinalOf(questionId);
            if (ordinal >= 0) {
                seen[ordinal] = at.toEpochMilli();
            }
        });
        return seen;
    }
}
