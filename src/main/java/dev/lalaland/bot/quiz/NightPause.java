package dev.lalaland.bot.quiz;

import java.time.Duration;
import java.time.Instant;

/**
 * A paused quiz night: when it was paused and, if a question was open, how long that question
 * had left ({@code questionLeft} null when paused between questions).
 */
record NightPause(Instant pausedAt, Duration questionLeft) {

    /** A night paused this long ends itself with its standings. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(30);

    Instant givesUpAt() {
        return pausedAt.plus(GIVE_UP_AFTER);
    }
}
