package dev.lalaland.bot.onthisday;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time, shifted: it ticks like the system clock, from whatever instant a test says "now"
 * is. For tests that run the real scheduler and want a post time to come up in a second.
 */
public final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** From now on, the clock reads {@code instant} and ticks on from there. */
    public void jumpTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
