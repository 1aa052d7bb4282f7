package dev.lalaland.bot.report;

import dev.lalaland.bot.LruMap;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The questions muted in each server, as the question picker asks for them: before every question
 * asked, so the servers that asked recently are kept in memory and read from the store once.
 * A mute or unmute goes to the store first, then drops the server's copy.
 */
final class MutedQuestions {
    private static final int SERVERS_IN_MEMORY = 1024;

    private final ReportStore store;
    /** Guarded by itself. */
    private final Map<String, Set<String>> byServer = new LruMap<>(SERVERS_IN_MEMORY);
    /** Counts changes, guarded by {@link #byServer}: a read that raced with a mute is not kept. */
    private long changes;

    MutedQuestions(ReportStore store) {
        this.store = store;
    }

    Set<String> in(String guildId) {
        if (guildId == null) {
            return Set.of();
        }
        long changesBefore;
        synchronized (byServer) {
            Set<String> known = byServer.get(guildId);
            if (known != null) {
                return known;
            }
            changesBefore = changes;
        }
        Set<String> read = Set.copyOf(store.muted(guildId));
        synchronized (byServer) {
            if (changes == changesBefore) {
                byServer.put(guildId, read);
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

    private void forget(String guildId) {
        synchronized (byServer) {
            changes++;
            byServer.remove(guildId);
        }
    }
}
