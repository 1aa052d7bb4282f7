package dev.lalaland.bot.report;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.cache.Caches;
import java.time.Instant;
import java.util.Set;

/**
 * The questions muted in each server, as the question picker asks for them: before every question
 * asked, so the servers that asked recently are kept in memory ({@link #servers}) and read from the
 * store once. A mute or unmute goes to the store first, then drops the server's copy.
 */
final class MutedQuestions {
    static final int SERVERS_IN_MEMORY = 1024;

    private final ReportStore store;
    /** By server id. */
    private final Cache<String, Set<String>> servers = Caches.bounded(SERVERS_IN_MEMORY);
    /** Counts changes, guarded by {@code this}: a read that raced with a mute is not kept. */
    private long changes;

    MutedQuestions(ReportStore store) {
        this.store = store;
    }

    Set<String> in(String guildId) {
        if (guildId == null) {
            return Set.of();
        }
        Set<String> known = servers.getIfPresent(guildId);
        if (known != null) {
            return known;
        }
        long changesBefore;
        synchronized (this) {
            changesBefore = changes;
        }
        Set<String> read = Set.copyOf(store.muted(guildId));
        synchronized (this) {
            if (changes == changesBefore) {
                servers.put(guildId, read);
            }
        }
        return read;
    }

    boolean mute(String guildId, String questionId, String memberId, Instant at) {
        try {
            return store.mute(guildId, questionId, memberId, at);
        } finally {
            forget(guildId);
        }
    }

    boolean unmute(String guildId, String questionId) {
        try {
            return store.unmute(guildId, questionId);
        } finally {
            forget(guildId);
        }
    }

    /** For tests: how many servers are held, after upkeep. */
    long serversHeld() {
        servers.cleanUp();
        return servers.estimatedSize();
    }

    private synchronized void forget(String guildId) {
        changes++;
        servers.invalidate(guildId);
    }
}
