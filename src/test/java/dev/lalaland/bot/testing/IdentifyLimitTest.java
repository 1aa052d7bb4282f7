package dev.lalaland.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fake's session start limit: buckets of shard id % max_concurrency, one IDENTIFY each per 5 s. */
class IdentifyLimitTest {

    @Test
    void eachBucketAdmitsOneIdentifyPerWindow() {
        IdentifyLimit limit = new IdentifyLimit(2, IdentifyLimit.DISCORD_WINDOW);
        assertThat(limit.admit(0, 4)).isTrue();
        assertThat(limit.admit(1, 4)).as("another bucket").isTrue();
        assertThat(limit.admit(2, 4)).as("bucket 0 again, at once").isFalse();
        assertThat(limit.admit(0, 4)).as("the same shard again, at once").isFalse();
        assertThat(limit.attempts()).extracting(IdentifyAttempt::bucket).containsExactly(0, 1, 0, 0);
        assertThat(limit.attempts()).extracting(IdentifyAttempt::admitted).containsExactly(true, true, false, false);
    }

    @Test
    void withoutTheLimitEveryIdentifyIsAdmittedAndStillRecorded() {
        IdentifyLimit limit = new IdentifyLimit(1, Duration.ZERO);
        assertThat(limit.admit(0, 2)).isTrue();
        assertThat(limit.admit(0, 2)).isTrue();
        assertThat(limit.attempts()).hasSize(2);
        assertThat(limit.attempts().get(1).after(limit.attempts().get(0))).isGreaterThanOrEqualTo(Duration.ZERO);
    }
}
