package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private final Instant opens = Instant.parse("2026-11-28T20:00:00Z");
    private final Instant closes = opens.plusSeconds(20);

    @Test
    void baseDependsOnDifficulty() {
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, closes, 1).total()).isEqualTo(100);
        assertThat(Scoring.forRightAnswer(Difficulty.MEDIUM, opens, closes, closes, 1).total()).isEqualTo(150);
        assertThat(Scoring.forRightAnswer(Difficulty.HARD, opens, closes, closes, 1).total()).isEqualTo(200);
    }

    @Test
    void fasterAnswersScoreUpToHalfAgain() {
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, opens, 1).speed()).isEqualTo(50);
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, opens.plusSeconds(10), 1).speed()).isEqualTo(25);
        assertThat(Scoring.forRightAnswer(Difficulty.HARD, opens, closes, opens.plusSeconds(15), 1).speed()).isEqualTo(25);
        assertThat(Scoring.forRightAnswer(Difficulty.HARD, opens, closes, closes, 1).speed()).isZero();
    }

    @Test
    void anAnswerGivenBeforeARepostedQuestionReopenedCountsAsInstant() {
        Scoring.Points p = Scoring.forRightAnswer(Difficulty.MEDIUM, opens, closes, opens.minus(Duration.ofMinutes(3)), 1);
        assertThat(p.speed()).isEqualTo(75);
    }

    @Test
    void streaksAddTwentyPerEarlierRightAnswerUpToAHundred() {
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, closes, 1).streak()).isZero();
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, closes, 2).streak()).isEqualTo(20);
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, closes, 4).streak()).isEqualTo(60);
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, closes, 6).streak()).isEqualTo(100);
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, closes, 30).streak()).isEqualTo(100);
    }

    @Test
    void totalAddsTheParts() {
        Scoring.Points p = Scoring.forRightAnswer(Difficulty.HARD, opens, closes, opens.plusSeconds(5), 3);
        assertThat(p).isEqualTo(new Scoring.Points(200, 75, 40));
        assertThat(p.total()).isEqualTo(315);
    }
}
