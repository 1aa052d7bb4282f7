package dev.lalaland.bot.testing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord snowflakes: {@code (millis since 2015-01-01) << 22 | counter}.
 *
 * <p>Ids must carry the current time because JDA derives an interaction's 15-minute hook expiry
 * (and {@code getTimeCreated()} of messages) from them.
 */
public final class Snowflakes {
    public static final long DISCORD_EPOCH = 1420070400000L;

    private static final AtomicLong LAST = new AtomicLong();

    private Snowflakes() {}

    /** A fresh, strictly increasing snowflake for "now" (safe from any thread). */
    public static String next() {
        long base = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        // Never go backwards, even when many ids are minted in the same millisecond.
        return Long.toUnsignedString(LAST.updateAndGet(last -> Math.max(last + 1, base)));
    }

    public static Instant timeOf(String snowflake) {
        return Instant.ofEpochMilli((Long.parseUnsignedLong(snowflake) >>> 22) + DISCORD_EPOCH);
    }
}
