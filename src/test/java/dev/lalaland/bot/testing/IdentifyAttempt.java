package dev.lalaland.bot.testing;

import java.time.Duration;

/**
 * One IDENTIFY the fake gateway received.
 *
 * @param bucket   {@code shardId % max_concurrency}: shards of one bucket identify 5 s apart
 * @param atNanos  {@link System#nanoTime()} when it arrived
 * @param admitted false if it came too soon after another of its bucket (closed with 4008)
 */
public record IdentifyAttempt(int shardId, int shardCount, int bucket, long atNanos, boolean admitted) {

    /** How long after {@code earlier} this one came. */
    public Duration after(IdentifyAttempt earlier) {
        return Duration.ofNanos(atNanos - earlier.atNanos);
    }
}
