package dev.lalaland.bot.quiz;

import java.util.List;

/**
 * A player's quiz record in one server, for {@code /quiz profile}: the nights they answered in,
 * their answers and how many were right, their all-time points, their longest run of right answers
 * in one night, and their points by category (most first).
 */
public record Profile(String userId, String displayName, int nights, int answers, int correct, long points,
                      int bestStreak, List<CategoryPoints> categories) {

    public Profile {
        categories = List.copyOf(categories);
    }

    /** Right answers as a whole percentage of answers; empty before the first answer. */
    public java.util.OptionalInt accuracyPercent() {
        return answers == 0 ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of((int) Math.round(100.0 * correct / answers));
    }

    public record CategoryPoints(String category, int answers, int correct, long points) {
    }
}
