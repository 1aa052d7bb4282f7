package dev.lalaland.bot.quiz;

import java.time.Duration;

/**
 * How long a process holds a quiz night it runs before another may take it over, and how often it
 * renews that hold. Production uses {@link #standard()}; end-to-end tests shorten it so a takeover
 * happens within seconds.
 *
 * @param length     how long a lease lasts from its last renewal
 * @param renewEvery how often the owner renews the leases of all its nights (one UPDATE), and how
 *                   often every process looks for nights whose lease ran out
 * @param othersWait how much longer a process waits before taking over a night of a server on
 *                   another process's shards: the server's own process, restarted, gets it first
 */
public record NightLease(Duration length, Duration renewEvery, Duration othersWait) {

    public NightLease {
        if (renewEvery.multipliedBy(2).compareTo(length) > 0) {
            throw new IllegalArgumentException("a lease must outlast two renewals: " + length + " / " + renewEvery);
        }
    }

    /**
     * Renewed every 5 s for 20 s: three renewals in a row can fail (a database failover, a long
     * garbage collection) before a night changes hands, and a night whose process died goes on
     * within 20 s (its own server's process) to 35 s (any other) of the last renewal. Renewing is
     * one UPDATE per process, whatever the number of nights.
     */
    public static NightLease standard() {
        return new NightLease(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
