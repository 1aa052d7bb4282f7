package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuizRulesTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T20:00:00Z"));

    @Test
    void anAnswerCountsUntilTheDeadlineByTheBotsClock() {
        Instant deadline = clock.instant().plusSeconds(20);
        assertThat(QuizRules.judge(true, deadline, clock.instant())).isEqualTo(QuizRules.Verdict.ACCEPTED);
        clock.advance(Duration.ofSeconds(20));
        assertThat(QuizRules.judge(true, deadline, clock.instant())).as("on the deadline").isEqualTo(QuizRules.Verdict.ACCEPTED);
        clock.advance(Duration.ofMillis(1));
        assertThat(QuizRules.judge(true, deadline, clock.instant())).isEqualTo(QuizRules.Verdict.TIMES_UP);
        assertThat(QuizRules.judge(false, deadline, deadline.minusSeconds(5))).isEqualTo(QuizRules.Verdict.CLOSED);
    }

    @Test
    void theHostOrAServerManagerMayStopANight() {
        Night night = new Night(1, "g", "c", "host", "Host", 10, 20, Duration.ofSeconds(20), null, null,
                Night.Status.RUNNING, clock.instant());
        assertThat(QuizRules.mayStop(night, new Invoker("host", "Host", "g", "c", false))).isTrue();
        assertThat(QuizRules.mayStop(night, new Invoker("admin", "Admin", "g", "c", true))).isTrue();
        assertThat(QuizRules.mayStop(night, new Invoker("player", "Player", "g", "c", false))).isFalse();
    }
}
