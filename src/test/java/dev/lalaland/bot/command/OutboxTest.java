package dev.lalaland.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final Instant firstTried = Instant.parse("2026-11-28T20:00:00Z");

    @Test
    void aPostWithAnUnknownOutcomeIsSentAgainOnlyWhileDiscordDropsRepeats() {
        assertThat(Outbox.mayPostAgain(firstTried, firstTried.plusSeconds(5))).isTrue();
        assertThat(Outbox.mayPostAgain(firstTried, firstTried.plus(Outbox.REPEATS_DROPPED_WITHIN))).isTrue();
        assertThat(Outbox.mayPostAgain(firstTried, firstTried.plus(Outbox.REPEATS_DROPPED_WITHIN).plusMillis(1)))
                .isFalse();
        assertThat(Outbox.REPEATS_DROPPED_WITHIN).as("well inside Discord's \"past few minutes\"")
                .isLessThanOrEqualTo(Duration.ofMinutes(2));
    }
}
