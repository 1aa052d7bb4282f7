package dev.lalaland.bot.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord's global rate limit: a bot may make {@code perSecond} requests a second in all (50 for
 * most bots), whatever the route; interaction callbacks and follow-ups are not counted. Counted in
 * fixed one-second windows; a request over the limit is refused with a 429 whose
 * {@code retry_after} is the rest of the window.
 *
 * <p>Time is passed in (nanoseconds, any origin), so a test can step it.
 */
public final class GlobalRateLimit {
    static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    private final int perSecond;
    private long windowStart;
    private boolean started;
    private int used;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();

    public GlobalRateLimit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond >= 1");
        }
        this.perSecond = perSecond;
    }

    public int perSecond() {
        return perSecond;
    }

    /**
     * Counts a request made at {@code nanos}: returns zero if it may go through, else how long the
     * caller must wait (the rest of the current window, never zero).
     */
    public synchronized Duration admit(long nanos) {
        if (!started || nanos - windowStart >= WINDOW_NANOS) {
            // Windows follow one another every second from the first request on.
            windowStart = started ? windowStart + (nanos - windowStart) / WINDOW_NANOS * WINDOW_NANOS : nanos;
            started = true;
            used = 0;
        }
        if (used < perSecond) {
            used++;
            admitted.incrementAndGet();
            return Duration.ZERO;
        }
        refused.incrementAndGet();
        return Duration.ofNanos(Math.max(1, windowStart + WINDOW_NANOS - nanos));
    }

    /** Requests answered 429 so far. */
    public long refused() {
        return refused.get();
    }

    /** Requests let through so far. */
    public long admitted() {
        return admitted.get();
    }
}
