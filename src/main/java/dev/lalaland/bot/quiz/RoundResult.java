package dev.lalaland.bot.quiz;

import java.util.List;

/**
 * A closed round: how many chose each option, who was right (with the points each gained, zero
 * in practice), and the night's standings after it (empty in practice).
 */
public record RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings) {

    public RoundResult {
        choiceCounts = List.copyOf(choiceCounts);
        right = List.copyOf(right);
        standings = List.copyOf(standings);
    }

    public int answers() {
        return choiceCounts.stream().mapToInt(Integer::intValue).sum();
    }

    /** A right answer and what it earned; {@code streak} counts this answer. */
    public record Scored(String userId, String displayName, int points, int streak) {
    }
}
