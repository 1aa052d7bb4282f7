package dev.lalaland.bot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Discord's session start limit: shards identify in buckets, {@code shard_id % max_concurrency},
 * and each bucket admits one IDENTIFY per 5 seconds, so a second IDENTIFY of the same shard (a
 * restarted or duplicated process) within 5 s is refused too. Every attempt is recorded, with
 * its time, so a test can check the order the buckets came in.
 */
final class IdentifyLimit {
    static final Duration DISCORD_WINDOW = Duration.ofSeconds(5);

    private final int maxConcurrency;
    private final Duration window;
    private final Map<Integer, Long> lastAdmittedByBucket = new HashMap<>();
    private final List<IdentifyAttempt> attempts = new ArrayList<>();

    /** {@code window} zero admits every IDENTIFY (still recorded). */
    IdentifyLimit(int maxConcurrency, Duration window) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max_concurrency >= 1");
        }
        this.maxConcurrency = maxConcurrency;
        this.window = window;
    }

    int maxConcurrency() {
        return maxConcurrency;
    }

    synchronized boolean admit(int shardId, int shardCount) {
        long now = System.nanoTime();
        int bucket = shardId % maxConcurrency;
        Long last = lastAdmittedByBucket.get(bucket);
        boolean admitted = window.isZero() || last == null || now - last >= window.toNanos();
        if (admitted) {
            lastAdmittedByBucket.put(bucket, now);
        }
        attempts.add(new IdentifyAttempt(shardId, shardCount, bucket, now, admitted));
        return admitted;
    }

    synchronized List<IdentifyAttempt> attempts() {
        return List.copyOf(attempts);
    }
}
