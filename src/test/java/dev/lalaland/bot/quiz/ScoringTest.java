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

    @Test
    void aHintHalvesBaseAndSpeedRoundedUpAndDropsTheStreakBonus() {
        // Medium, answered 5 s into 20: 150 + 56 = 206, halved 103; the streak of 4 would have added 60.
        Scoring.Points p = Scoring.forRightAnswer(Difficulty.MEDIUM, opens, closes, opens.plusSeconds(5), 4, true);
        assertThat(p.speed()).isEqualTo(56);
        assertThat(p.streak()).isZero();
        assertThat(p.total()).isEqualTo(103);
        // An odd sum rounds up: easy at 3 s of 20 is 100 + 42 = 142 -> 71; hard at 11 s is 200 + 45 = 245 -> 123.
        assertThat(Scoring.forRightAnswer(Difficulty.EASY, opens, closes, opens.plusSeconds(3), 1, true).total())
                .isEqualTo(71);
        assertThat(Scoring.forRightAnswer(Difficulty.HARD, opens, closes, opens.plusSeconds(11), 1, true).total())
                .isEqualTo(123);
        assertThat(Scoring.half(175)).isEqualTo(88);
        assertThat(Scoring.forRightAnswer(Difficulty.MEDIUM, opens, closes, opens.plusSeconds(5), 4, false).total())
                .as("the same answer without a hint").isEqualTo(266);
    }
}
