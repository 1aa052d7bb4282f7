package dev.lalaland.bot.quiz;

import java.time.Duration;
import java.time.Instant;

/**
 * Points for a right answer in a quiz night, as docs/QUIZ.md tells players: the question's base
 * points by difficulty, a speed bonus of up to half of that for answering early, and a streak
 * bonus for consecutive right answers. Wrong answers cost nothing. A right answer after a hint
 * scores half of its base and speed points, rounded up, and no streak bonus.
 */
public final class Scoring {
    /** Extra points per earlier right answer in an unbroken streak. */
    public static final int STREAK_STEP = 20;
    public static final int MAX_STREAK_BONUS = 100;

    private Scoring() {
    }

    /**
     * @param streak right answers in a row, this one included (1 for a first right answer)
     */
    public static Points forRightAnswer(Difficulty difficulty, Instant opensAt, Instant closesAt, Instant answeredAt,
                                        int streak) {
        return forRightAnswer(difficulty, opensAt, closesAt, answeredAt, streak, false);
    }

    /**
     * @param streak right answers in a row, this one included (1 for a first right answer)
     * @param hinted whether the player used a hint on this question
     */
    public static Points forRightAnswer(Difficulty difficulty, Instant opensAt, Instant closesAt, Instant answeredAt,
                                        int streak, boolean hinted) {
        int base = difficulty.basePoints();
        long total = Math.max(1, Duration.between(opensAt, closesAt).toMillis());
        // Answers stored before a restart can predate a reposted question's new opening: they count as instant.
        long left = Math.max(0, Math.min(total, Duration.between(answeredAt, closesAt).toMillis()));
        int speed = (int) (base / 2L * left / total);
        if (hinted) {
            return new Points(base, speed, 0, true);
        }
        int streakBonus = Math.min(MAX_STREAK_BONUS, Math.max(0, streak - 1) * STREAK_STEP);
        return new Points(base, speed, streakBonus);
    }

    /** Half of {@code points}, rounded up: a hinted 175 scores 88. */
    public static int half(int points) {
        return (points + 1) / 2;
    }

    /** {@code hinted}: a hint was used, so the total is half of base and speed, without a streak bonus. */
    public record Points(int base, int speed, int streak, boolean hinted) {
        public Points(int base, int speed, int streak) {
            this(base, speed, streak, false);
        }

        public int total() {
            return hinted ? half(base + speed) : base + speed + streak;
        }
    }
}
