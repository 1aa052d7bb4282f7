package dev.lalaland.bot.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The one way the bot keeps things in memory to answer faster: a Caffeine cache, built here so
 * every cache is set up alike. docs/PERFORMANCE.md ("The caches") lists each one with what it
 * is keyed by, its bound, why it exists and when an entry stops being valid; each has a test
 * that pins that rule.
 *
 * <p>Upkeep (eviction) runs on the thread that used the cache, not on a shared pool: it is a few
 * steps at most, and handing it to another thread would wake a second core for each of them
 * under load, as the benchmark showed for the database writer (docs/PERFORMANCE.md, change 10).
 * It also makes eviction deterministic once {@link Cache#cleanUp()} returns, which the tests use.
 */
public final class Caches {
    private Caches() {
    }

    /**
     * At most {@code maximumSize} entries once upkeep has run; which ones go is Caffeine's choice,
     * by how often and how recently each was used (W-TinyLFU), not strictly the least recent.
     */
    public static <K, V> Cache<K, V> bounded(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    }

    /**
     * No bound: only for keys whose number is fixed by the fact files (a card per person, song or
     * question), so the cache holds at most what the files name. Costs the same as a
     * {@code ConcurrentHashMap}, which is what Caffeine uses for it.
     */
    public static <K, V> Cache<K, V> ofFixedKeys() {
        return Caffeine.newBuilder().executor(Runnable::run).build();
    }
}
