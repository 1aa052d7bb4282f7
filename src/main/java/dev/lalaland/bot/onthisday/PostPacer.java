package dev.lalaland.bot.onthisday;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket that spreads the daily posts out: at most {@code burst} at once, then
 * {@code perSecond} a second. Discord allows a bot 50 requests a second in all and about 5
 * messages per 5 s in one channel; the daily post sends one message per channel a day, so only
 * the global limit binds, and staying well under it leaves room for quiz nights. At the default
 * 30 a second, 10,000 servers configured for the same minute are all posted in under 6 minutes,
 * and any one second carries at most {@code perSecond + burst} posts.
 *
 * <p>Time comes from the injected {@link Clock}, so a test can drive it with a virtual clock.
 * Not thread-safe: the scheduler uses it from one thread at a time.
 */
public final class PostPacer {
    public static final double DEFAULT_PER_SECOND = 30;
    public static final int DEFAULT_BURST = 5;

    private final Clock clock;
    private final double perMilli;
    private final double burst;
    private double tokens;
    private long lastRefillMillis;

    public PostPacer(Clock clock, double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("need a positive rate and a burst of at least 1");
        }
        this.clock = clock;
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillMillis = clock.millis();
    }

    /** Takes a permit if one is available now. */
    public boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How many permits could be taken now. */
    public int available() {
        refill();
        return (int) Math.floor(tokens);
    }

    /** How long until the next permit (zero if one is available). */
    public Duration untilNextPermit() {
        refill();
        return tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
    }

    private void refill() {
        long now = clock.millis();
        // A clock that steps back (NTP) must not mint or lose permits.
        long elapsed = Math.max(0, now - lastRefillMillis);
        tokens = Math.min(burst, tokens + elapsed * perMilli);
        lastRefillMillis = Math.max(lastRefillMillis, now);
    }
}
